import { and, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { activities, invoiceLines, notifications } from '@/db/schema';
import { campaignListSchema } from '@/lib/validation/campaigns';
import type { Role } from '@/lib/roles';
import { executeAction } from '@/server/action';
import type { CurrentUser } from '@/server/auth/session';
import {
  bulkReassignCampaignCoordinatorCommand,
  bulkSetCampaignStatusCommand,
} from '@/server/campaigns/bulk';
import { getCampaignBudgetTotals, listCampaignBudgets } from '@/server/campaigns/budget-totals';
import { createCampaignCommand, updateCampaignCommand } from '@/server/campaigns/commands';
import {
  addBudgetEntryCommand,
  deleteBudgetEntryCommand,
  updateBudgetEntryCommand,
} from '@/server/campaigns/entries';
import {
  linkCampaignDealCommand,
  linkCampaignMeetingCommand,
  unlinkCampaignDealCommand,
  unlinkCampaignMeetingCommand,
} from '@/server/campaigns/links';
import {
  getCampaignPage,
  listCampaigns,
  listClientCampaigns,
  listDealCampaigns,
  listMeetingCampaigns,
  campaignsCsv,
} from '@/server/campaigns/queries';
import { documentResponse } from '@/server/documents/download';
import {
  campaignForm,
  createCampaignRecord,
  entryForm,
  readBudgetEntries,
  readCampaign,
} from '../support/campaign-factories';
import { createClientRecord, setVisibility } from '../support/client-factories';
import { createDealRecord } from '../support/deal-factories';
import { csvRecords } from '../support/csv';
import { pdfBytes, upload, uploaded } from '../support/document-factories';
import { auditEntriesFor, createActor, expectOk } from '../support/factories';
import { draftInvoice } from '../support/invoice-factories';
import { scheduleMeeting } from '../support/meeting-factories';

let coordinator: CurrentUser;
let owner: CurrentUser;
let manager: CurrentUser;
let outsider: CurrentUser;
let clientId: string;

const roles: Role[] = ['coordinator', 'executive', 'manager'];

beforeAll(async () => {
  [coordinator, owner, manager, outsider] = await Promise.all([
    createActor('coordinator'),
    createActor('executive'),
    createActor('manager'),
    createActor('coordinator'),
  ]);
});

beforeEach(async () => {
  await setVisibility('open');
  clientId = (
    await createClientRecord({
      name: 'Acme Ltd',
      ownerId: owner.id,
      coordinatorId: coordinator.id,
      currency: 'EUR',
    })
  ).id;
});

async function budgetNotices(campaignId: string) {
  return db
    .select({ userId: notifications.userId, title: notifications.title })
    .from(notifications)
    .where(
      and(
        eq(notifications.kind, 'campaign_budget'),
        eq(notifications.href, `/campaigns/${campaignId}`),
      ),
    );
}

async function addEntry(actor: CurrentUser, campaignId: string, fields: Record<string, string>) {
  return expectOk(await executeAction(addBudgetEntryCommand, actor, entryForm(campaignId, fields)));
}

describe('campaigns', () => {
  it('lets every role create, edit, fill and link a campaign, each write audited and on the timeline', async () => {
    for (const role of roles) {
      const actor = await createActor(role);
      const { id } = expectOk(
        await executeAction(createCampaignCommand, actor, campaignForm(clientId)),
      );
      const deal = await createDealRecord(clientId);
      const meeting = await scheduleMeeting(actor, [actor.id], { clientId });
      const steps = [
        await executeAction(updateCampaignCommand, actor, {
          ...campaignForm(clientId, { name: `Launch by ${role}` }),
          id,
          version: '1',
        }),
        await executeAction(addBudgetEntryCommand, actor, entryForm(id)),
        await executeAction(linkCampaignDealCommand, actor, { campaignId: id, dealId: deal.id }),
        await executeAction(unlinkCampaignDealCommand, actor, { campaignId: id, dealId: deal.id }),
        await executeAction(linkCampaignMeetingCommand, actor, {
          campaignId: id,
          meetingId: meeting.id,
        }),
        await executeAction(unlinkCampaignMeetingCommand, actor, {
          campaignId: id,
          meetingId: meeting.id,
        }),
      ];
      for (const step of steps) expect(step).toMatchObject({ ok: true });
      const [entry] = await readBudgetEntries(id);
      expectOk(
        await executeAction(updateBudgetEntryCommand, actor, {
          ...entryForm(id, { amount: '150' }),
          entryId: String(entry!.id),
          version: '1',
        }),
      );
      expectOk(
        await executeAction(deleteBudgetEntryCommand, actor, {
          entryId: String(entry!.id),
          version: '2',
        }),
      );
      const rows = [{ id, version: (await readCampaign(id)).version }];
      expectOk(
        await executeAction(bulkSetCampaignStatusCommand, actor, {
          selection: { mode: 'rows', rows },
          status: 'running',
        }),
      );
      expectOk(
        await executeAction(bulkReassignCampaignCoordinatorCommand, actor, {
          selection: { mode: 'rows', rows: [{ id, version: rows[0]!.version + 1 }] },
          coordinatorId: outsider.id,
        }),
      );
      const audits = (await auditEntriesFor(id)).map((entry) => entry.action).sort();
      expect(audits).toEqual(
        [
          'campaign.budget_entry_added',
          'campaign.budget_entry_deleted',
          'campaign.budget_entry_edited',
          'campaign.created',
          'campaign.deal_linked',
          'campaign.deal_unlinked',
          'campaign.meeting_linked',
          'campaign.meeting_unlinked',
          'campaign.updated',
          'campaign.updated',
          'campaign.updated',
        ].sort(),
      );
      const campaign = await readCampaign(id);
      expect(campaign).toMatchObject({ status: 'running', coordinatorId: outsider.id });
      expect(campaign).toMatchObject({ committedCents: 0, spentCents: 0 });
    }
    const timeline = await db
      .select()
      .from(activities)
      .where(and(eq(activities.clientId, clientId), eq(activities.kind, 'campaign')));
    expect(timeline.length).toBeGreaterThanOrEqual(roles.length * 11);
  });

  it("takes the client's people and currency unless the form names its own", async () => {
    const { id } = expectOk(
      await executeAction(createCampaignCommand, coordinator, {
        clientId,
        name: 'Autumn',
        status: 'planned',
        currency: 'EUR',
        budgetPlanned: '500',
      }),
    );
    expect(await readCampaign(id)).toMatchObject({
      ownerId: owner.id,
      coordinatorId: coordinator.id,
      currency: 'EUR',
      budgetPlannedCents: 50_000,
    });
  });

  it('refuses a stale edit and keeps what was saved', async () => {
    const campaign = await createCampaignRecord(coordinator, clientId);
    const form = { ...campaignForm(clientId), id: campaign.id, version: '1' };
    expectOk(await executeAction(updateCampaignCommand, owner, { ...form, name: 'First' }));
    const stale = await executeAction(updateCampaignCommand, coordinator, {
      ...form,
      name: 'Second',
    });
    expect(stale).toMatchObject({ ok: false, code: 'stale' });
    expect((await readCampaign(campaign.id)).name).toBe('First');

    await addEntry(coordinator, campaign.id, {});
    const [entry] = await readBudgetEntries(campaign.id);
    const edit = { ...entryForm(campaign.id), entryId: String(entry!.id), version: '1' };
    expectOk(await executeAction(updateBudgetEntryCommand, owner, { ...edit, amount: '200' }));
    const staleEntry = await executeAction(updateBudgetEntryCommand, coordinator, {
      ...edit,
      amount: '300',
    });
    expect(staleEntry).toMatchObject({ ok: false, code: 'stale' });
    const staleDelete = await executeAction(deleteBudgetEntryCommand, coordinator, {
      entryId: String(entry!.id),
      version: '1',
    });
    expect(staleDelete).toMatchObject({ ok: false, code: 'stale' });
    expect((await readCampaign(campaign.id)).committedCents).toBe(20_000);
  });

  it('refuses invalid amounts and changes nothing', async () => {
    const campaign = await createCampaignRecord(coordinator, clientId);
    await addEntry(coordinator, campaign.id, { amount: '40' });
    for (const amount of ['0', '-10', '12.345', 'lots', '']) {
      const result = await executeAction(
        addBudgetEntryCommand,
        coordinator,
        entryForm(campaign.id, { amount }),
      );
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.fieldErrors?.amount?.length).toBeGreaterThan(0);
    }
    const badPlan = await executeAction(updateCampaignCommand, coordinator, {
      ...campaignForm(clientId, { budgetPlanned: '-5' }),
      id: campaign.id,
      version: '1',
    });
    expect(badPlan.ok).toBe(false);
    expect(await readBudgetEntries(campaign.id)).toHaveLength(1);
    expect(await readCampaign(campaign.id)).toMatchObject({
      committedCents: 4_000,
      budgetPlannedCents: 100_000,
      version: 1,
    });
  });

  it('keeps committed and spent summed on the campaign through adds, edits and deletes', async () => {
    const campaign = await createCampaignRecord(coordinator, clientId);
    await addEntry(coordinator, campaign.id, { kind: 'committed', amount: '300' });
    await addEntry(coordinator, campaign.id, { kind: 'spent', amount: '125.50' });
    expect(await readCampaign(campaign.id)).toMatchObject({
      committedCents: 30_000,
      spentCents: 12_550,
      remainingCents: 100_000 - 42_550,
    });
    const committed = (await readBudgetEntries(campaign.id)).find((e) => e.kind === 'committed')!;
    expectOk(
      await executeAction(updateBudgetEntryCommand, coordinator, {
        ...entryForm(campaign.id, { kind: 'spent', amount: '300' }),
        entryId: String(committed.id),
        version: '1',
      }),
    );
    expect(await readCampaign(campaign.id)).toMatchObject({
      committedCents: 0,
      spentCents: 42_550,
    });
    expectOk(
      await executeAction(deleteBudgetEntryCommand, coordinator, {
        entryId: String(committed.id),
        version: '2',
      }),
    );
    expect(await readCampaign(campaign.id)).toMatchObject({
      committedCents: 0,
      spentCents: 12_550,
    });
  });

  it('tells the owner once at 90 % and once at 100 %, and again after the plan is raised', async () => {
    const campaign = await createCampaignRecord(coordinator, clientId, { budgetPlanned: '1000' });
    await addEntry(coordinator, campaign.id, { kind: 'committed', amount: '500' });
    expect(await budgetNotices(campaign.id)).toHaveLength(0);
    await addEntry(coordinator, campaign.id, { kind: 'spent', amount: '420' });
    expect(await budgetNotices(campaign.id)).toEqual([
      { userId: owner.id, title: 'Spring launch has used 90% of its budget' },
    ]);
    await addEntry(coordinator, campaign.id, { kind: 'spent', amount: '10' });
    expect(await budgetNotices(campaign.id)).toHaveLength(1);
    await addEntry(coordinator, campaign.id, { kind: 'spent', amount: '100' });
    await addEntry(coordinator, campaign.id, { kind: 'spent', amount: '100' });
    const notices = await budgetNotices(campaign.id);
    expect(notices.map((notice) => notice.title)).toEqual([
      'Spring launch has used 90% of its budget',
      'Spring launch has used 100% of its budget',
    ]);
    expect((await readCampaign(campaign.id)).budgetAlertLevel).toBe(100);

    // Raising the plan clears the ledger; passing 90 % of the new plan tells the owner again.
    expectOk(
      await executeAction(updateCampaignCommand, coordinator, {
        ...campaignForm(clientId, { budgetPlanned: '2000' }),
        id: campaign.id,
        version: '1',
      }),
    );
    expect((await readCampaign(campaign.id)).budgetAlertLevel).toBe(0);
    await addEntry(coordinator, campaign.id, { kind: 'spent', amount: '700' });
    expect(await budgetNotices(campaign.id)).toHaveLength(3);
  });

  it('rolls the notification back with a refused entry', async () => {
    const campaign = await createCampaignRecord(coordinator, clientId, { budgetPlanned: '100' });
    const refused = await executeAction(
      addBudgetEntryCommand,
      coordinator,
      entryForm(campaign.id, { amount: '150', invoiceLineId: '999999999' }),
    );
    expect(refused).toMatchObject({ ok: false, code: 'conflict' });
    expect(await budgetNotices(campaign.id)).toHaveLength(0);
    expect(await readBudgetEntries(campaign.id)).toHaveLength(0);
  });

  it("files a quote on the campaign and links a line of the client's own invoices only", async () => {
    const campaign = await createCampaignRecord(coordinator, clientId);
    const quote = uploaded(
      await upload(
        coordinator,
        { recordKind: 'campaign', recordId: campaign.id },
        'quote.pdf',
        pdfBytes,
      ),
    );
    const ownInvoice = await draftInvoice(coordinator, clientId);
    const [ownLine] = await db
      .select()
      .from(invoiceLines)
      .where(eq(invoiceLines.invoiceId, ownInvoice.id));
    const otherInvoice = await draftInvoice(coordinator, (await createClientRecord()).id);
    const [otherLine] = await db
      .select()
      .from(invoiceLines)
      .where(eq(invoiceLines.invoiceId, otherInvoice.id));
    const otherFile = uploaded(
      await upload(coordinator, { recordKind: 'client', recordId: clientId }, 'x.pdf', pdfBytes),
    );

    const wrongLine = await executeAction(
      addBudgetEntryCommand,
      coordinator,
      entryForm(campaign.id, { invoiceLineId: String(otherLine!.id) }),
    );
    expect(wrongLine).toMatchObject({
      ok: false,
      fieldErrors: { invoiceLineId: expect.any(Array) },
    });
    const wrongFile = await executeAction(
      addBudgetEntryCommand,
      coordinator,
      entryForm(campaign.id, { documentId: otherFile.id }),
    );
    expect(wrongFile).toMatchObject({ ok: false, fieldErrors: { documentId: expect.any(Array) } });

    await addEntry(coordinator, campaign.id, {
      documentId: quote.id,
      invoiceLineId: String(ownLine!.id),
    });
    const { entries } = await getCampaignPage(coordinator, campaign.id);
    expect(entries[0]).toMatchObject({
      documentName: 'quote.pdf',
      invoiceId: ownInvoice.id,
      invoiceLineDescription: ownLine!.description,
    });
  });

  it("links only the client's deals and meetings, once, and shows the campaign on them", async () => {
    const campaign = await createCampaignRecord(coordinator, clientId);
    const deal = await createDealRecord(clientId);
    const foreignDeal = await createDealRecord((await createClientRecord()).id);
    const meeting = await scheduleMeeting(coordinator, [coordinator.id], { clientId });
    const link = { campaignId: campaign.id, dealId: deal.id };
    expectOk(await executeAction(linkCampaignDealCommand, coordinator, link));
    expect(await executeAction(linkCampaignDealCommand, coordinator, link)).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    expect(
      await executeAction(linkCampaignDealCommand, coordinator, {
        campaignId: campaign.id,
        dealId: foreignDeal.id,
      }),
    ).toMatchObject({ ok: false, code: 'conflict' });
    expectOk(
      await executeAction(linkCampaignMeetingCommand, coordinator, {
        campaignId: campaign.id,
        meetingId: meeting.id,
      }),
    );
    expect((await listDealCampaigns(coordinator, deal.id)).map((row) => row.id)).toEqual([
      campaign.id,
    ]);
    expect((await listMeetingCampaigns(coordinator, meeting.id)).map((row) => row.id)).toEqual([
      campaign.id,
    ]);
    const page = await getCampaignPage(coordinator, campaign.id);
    expect(page.linkedDeals.map((row) => row.id)).toEqual([deal.id]);
    expect(page.options.deals.map((row) => row.id)).not.toContain(deal.id);
  });

  it('bulk-sets the status of every campaign matching a filter, skipping those already so', async () => {
    const first = await createCampaignRecord(coordinator, clientId);
    await createCampaignRecord(coordinator, clientId, { status: 'running' });
    const result = expectOk(
      await executeAction(bulkSetCampaignStatusCommand, manager, {
        selection: {
          mode: 'filter',
          filter: { client: clientId },
          listedAt: new Date(Date.now() + 1000).toISOString(),
        },
        status: 'running',
      }),
    );
    expect(result).toMatchObject({ changed: 1, skipped: 1 });
    expect((await readCampaign(first.id)).status).toBe('running');
  });
});

describe('the list and its totals', () => {
  it('filters over budget and by owner, and totals per currency for the filter', async () => {
    const over = await createCampaignRecord(coordinator, clientId, {
      name: 'Over it',
      budgetPlanned: '100',
      currency: 'EUR',
    });
    await addEntry(coordinator, over.id, { amount: '150' });
    await createCampaignRecord(coordinator, clientId, {
      name: 'Under it',
      budgetPlanned: '900',
      currency: 'USD',
    });
    const overRows = await listCampaigns(
      coordinator,
      campaignListSchema.parse({ client: clientId, over: '1' }),
    );
    expect(overRows.rows.map((row) => row.name)).toEqual(['Over it']);
    const totals = await getCampaignBudgetTotals(
      coordinator,
      campaignListSchema.parse({ client: clientId, owner: owner.id }),
    );
    expect(totals).toEqual([
      {
        currency: 'EUR',
        campaigns: 1,
        plannedCents: 10_000,
        committedCents: 15_000,
        spentCents: 0,
      },
      { currency: 'USD', campaigns: 1, plannedCents: 90_000, committedCents: 0, spentCents: 0 },
    ]);
    const budgets = await listCampaignBudgets(coordinator, { client: clientId });
    expect(budgets[0]?.name).toBe('Over it');
    const dated = await getCampaignBudgetTotals(coordinator, {
      client: clientId,
      from: '2027-01-01',
    });
    expect(dated).toEqual([]);
  });
});

describe('visibility under assigned', () => {
  it('hides a campaign off the viewer’s accounts from the list, page, export, totals, files and writes', async () => {
    const campaign = await createCampaignRecord(coordinator, clientId);
    const file = uploaded(
      await upload(
        coordinator,
        { recordKind: 'campaign', recordId: campaign.id },
        'receipt.pdf',
        pdfBytes,
      ),
    );
    await setVisibility('assigned');
    try {
      const params = campaignListSchema.parse({ client: clientId });
      expect((await listCampaigns(outsider, params)).rows).toEqual([]);
      await expect(getCampaignPage(outsider, campaign.id)).rejects.toThrow();
      expect(await csvRecords(await campaignsCsv(outsider, params))).toEqual([]);
      expect(await getCampaignBudgetTotals(outsider, params)).toEqual([]);
      expect(await listClientCampaigns(outsider, clientId)).toEqual([]);
      expect((await documentResponse(outsider, file.id, false)).status).toBe(404);
      expect(
        await executeAction(addBudgetEntryCommand, outsider, entryForm(campaign.id)),
      ).toMatchObject({ ok: false, code: 'not_found' });
      expect(
        await executeAction(updateCampaignCommand, outsider, {
          ...campaignForm(clientId),
          id: campaign.id,
          version: '1',
        }),
      ).toMatchObject({ ok: false, code: 'not_found' });

      expect((await listCampaigns(coordinator, params)).rows).toHaveLength(1);
      expect((await documentResponse(coordinator, file.id, false)).status).toBe(200);
    } finally {
      await setVisibility('open');
    }
  });
});

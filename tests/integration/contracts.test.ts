import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { activities, contractRenewals, deals, notifications } from '@/db/schema';
import { executeAction } from '@/server/action';
import type { CurrentUser } from '@/server/auth/session';
import {
  createContractCommand,
  renewContractCommand,
  sendContractCommand,
  signContractCommand,
  terminateContractCommand,
  updateContractCommand,
} from '@/server/contracts/commands';
import { contractPdf } from '@/server/contracts/pdf';
import { listContracts } from '@/server/contracts/queries';
import { contractListSchema } from '@/lib/validation/contracts';
import { runContractDates } from '@/server/jobs/contract-dates';
import { searchProviders } from '@/server/search/providers';
import { createClientRecord, setVisibility } from '../support/client-factories';
import { createContractRecord, readContract } from '../support/contract-factories';
import { pdfBytes, upload, uploaded } from '../support/document-factories';
import { auditEntriesFor, createActor, expectOk } from '../support/factories';
import { createProposal } from '../support/proposal-factories';
import { pdfText } from '../support/pdf-text';

let coordinator: CurrentUser;
let owner: CurrentUser;
let otherExecutive: CurrentUser;
let manager: CurrentUser;
let clientId: string;

beforeAll(async () => {
  [coordinator, owner, otherExecutive, manager] = await Promise.all([
    createActor('coordinator'),
    createActor('executive'),
    createActor('executive'),
    createActor('manager'),
  ]);
});

beforeEach(async () => {
  await setVisibility('open');
  clientId = (
    await createClientRecord({ name: 'Acme Ltd', ownerId: owner.id, coordinatorId: coordinator.id })
  ).id;
});

/** A sent contract with its signed copy filed, ready to be marked signed. */
async function sentWithSignedCopy() {
  const contract = await createContractRecord(clientId, { status: 'sent' });
  const copy = uploaded(
    await upload(
      coordinator,
      { recordKind: 'contract', recordId: contract.id },
      'signed.pdf',
      pdfBytes,
    ),
  );
  return { contract, copy };
}

const signForm = (contract: { id: string; version: number }, documentId: string) => ({
  id: contract.id,
  version: String(contract.version),
  signedDocumentId: documentId,
  signerName: 'Dana Client',
  signedOn: '2026-01-05',
});

describe('drafting', () => {
  it('drafts from an accepted proposal with its client, title, value, currency and body', async () => {
    const proposal = await createProposal(db, {
      clientId,
      status: 'accepted',
      title: 'Retainer 2026',
      body: '## Scope\nEverything.',
      amountCents: 4_200_000,
      currency: 'EUR',
    });
    for (const actor of [coordinator, owner, manager]) {
      const { id } = expectOk(
        await executeAction(createContractCommand, actor, { proposalId: proposal.id }),
      );
      expect(await readContract(id)).toMatchObject({
        clientId,
        proposalId: proposal.id,
        title: 'Retainer 2026',
        valueCents: 4_200_000,
        currency: 'EUR',
        terms: '## Scope\nEverything.',
        status: 'draft',
      });
      expect((await auditEntriesFor(id)).map((entry) => entry.action)).toEqual([
        'contract.created',
      ]);
    }
  });

  it('refuses a proposal that is not accepted, and a hidden client as not found', async () => {
    const draft = await createProposal(db, { clientId });
    expect(
      await executeAction(createContractCommand, coordinator, { proposalId: draft.id }),
    ).toMatchObject({ ok: false, code: 'conflict' });
    await setVisibility('assigned');
    const hidden = await createClientRecord();
    expect(
      await executeAction(createContractCommand, coordinator, { clientId: hidden.id }),
    ).toMatchObject({ ok: false });
  });

  it('edits only drafts, derives the notice deadline, and checks the dates', async () => {
    const contract = await createContractRecord(clientId);
    const form = {
      id: contract.id,
      version: String(contract.version),
      title: 'Edited',
      value: '12,000.50',
      currency: 'USD',
      startDate: '2026-02-01',
      endDate: '2027-01-31',
      autoRenew: 'on',
      renewalTermMonths: '12',
      noticePeriodDays: '60',
      terms: 'Terms.',
    };
    expect(
      await executeAction(updateContractCommand, coordinator, { ...form, endDate: '2026-01-01' }),
    ).toMatchObject({ ok: false, fieldErrors: { endDate: ['End the contract after it starts.'] } });
    expectOk(await executeAction(updateContractCommand, coordinator, form));
    expect(await readContract(contract.id)).toMatchObject({
      valueCents: 1_200_050,
      autoRenew: true,
      noticeDeadline: '2026-12-02',
      version: 2,
    });
    expect(await executeAction(updateContractCommand, coordinator, form)).toMatchObject({
      ok: false,
      code: 'stale',
    });
    const sent = await createContractRecord(clientId, { status: 'sent' });
    expect(
      await executeAction(updateContractCommand, coordinator, {
        ...form,
        id: sent.id,
        version: '1',
      }),
    ).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('sends with its merge fields filled, and refuses one without dates', async () => {
    const contract = await createContractRecord(clientId);
    expectOk(
      await executeAction(sendContractCommand, coordinator, { id: contract.id, version: '1' }),
    );
    expect(await readContract(contract.id)).toMatchObject({
      status: 'sent',
      terms: 'Services for Acme Ltd.',
    });
    const undated = await createContractRecord(clientId, { endDate: null });
    expect(
      await executeAction(sendContractCommand, coordinator, { id: undated.id, version: '1' }),
    ).toMatchObject({ ok: false, code: 'conflict' });
  });
});

describe('signing, terminating and renewing: only the account owner or a manager', () => {
  it('refuses a coordinator and another executive, and lets the owner and a manager sign', async () => {
    for (const actor of [coordinator, otherExecutive]) {
      const { contract, copy } = await sentWithSignedCopy();
      expect(
        await executeAction(signContractCommand, actor, signForm(contract, copy.id)),
      ).toMatchObject({
        ok: false,
        code: 'forbidden',
      });
      expect((await readContract(contract.id)).status).toBe('sent');
    }
    for (const actor of [owner, manager]) {
      const { contract, copy } = await sentWithSignedCopy();
      expectOk(await executeAction(signContractCommand, actor, signForm(contract, copy.id)));
      expect(await readContract(contract.id)).toMatchObject({
        status: 'signed',
        signedDocumentId: copy.id,
        signerName: 'Dana Client',
        signedOn: '2026-01-05',
        signedById: actor.id,
      });
    }
  });

  it('needs the signed copy filed on this contract, not another record’s file', async () => {
    const contract = await createContractRecord(clientId, { status: 'sent' });
    const elsewhere = uploaded(
      await upload(
        coordinator,
        { recordKind: 'client', recordId: clientId },
        'signed.pdf',
        pdfBytes,
      ),
    );
    expect(
      await executeAction(signContractCommand, owner, signForm(contract, elsewhere.id)),
    ).toMatchObject({
      ok: false,
      code: 'conflict',
      fieldErrors: { signedDocumentId: expect.any(Array) },
    });
  });

  it('keeps the signed copy from being deleted', async () => {
    const { contract, copy } = await sentWithSignedCopy();
    expectOk(await executeAction(signContractCommand, owner, signForm(contract, copy.id)));
    const { deleteDocumentCommand } = await import('@/server/documents/commands');
    expect(
      await executeAction(deleteDocumentCommand, coordinator, { fileId: copy.fileId }),
    ).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('terminates with a reason, only by the owner or a manager', async () => {
    const contract = await createContractRecord(clientId, { status: 'active' });
    const form = { id: contract.id, version: '1', reason: 'Client closed the office.' };
    for (const actor of [coordinator, otherExecutive]) {
      expect(await executeAction(terminateContractCommand, actor, form)).toMatchObject({
        ok: false,
        code: 'forbidden',
      });
    }
    expect(
      await executeAction(terminateContractCommand, owner, { ...form, reason: ' ' }),
    ).toMatchObject({ ok: false, fieldErrors: { reason: ['Say why the contract ends.'] } });
    expectOk(await executeAction(terminateContractCommand, owner, form));
    expect(await readContract(contract.id)).toMatchObject({
      status: 'terminated',
      terminationReason: 'Client closed the office.',
    });
  });

  it('renews in place with a renewal record and, when asked, a renewal deal', async () => {
    const contract = await createContractRecord(clientId, {
      status: 'active',
      endDate: '2026-01-31',
      renewalTermMonths: 1,
    });
    const form = { id: contract.id, version: '1', openDeal: 'on' };
    expect(await executeAction(renewContractCommand, coordinator, form)).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    const { dealId } = expectOk(await executeAction(renewContractCommand, manager, form));
    expect(await readContract(contract.id)).toMatchObject({
      endDate: '2026-02-28',
      status: 'active',
    });
    const [renewal] = await db
      .select()
      .from(contractRenewals)
      .where(eq(contractRenewals.contractId, contract.id));
    expect(renewal).toMatchObject({
      previousEndDate: '2026-01-31',
      newEndDate: '2026-02-28',
      renewedById: manager.id,
      dealId,
    });
    const [deal] = await db.select().from(deals).where(eq(deals.id, dealId!));
    expect(deal).toMatchObject({ clientId, stage: 'qualified', amountCents: 1_200_000 });
  });
});

describe('the daily job', () => {
  it('activates on the start date, renews or expires after the end, and reminds once', async () => {
    const starting = await createContractRecord(clientId, {
      status: 'signed',
      startDate: '2026-03-01',
    });
    const ending = await createContractRecord(clientId, {
      status: 'active',
      endDate: '2026-02-27',
    });
    const renewing = await createContractRecord(clientId, {
      status: 'active',
      endDate: '2026-02-27',
      autoRenew: true,
      renewalTermMonths: 12,
    });
    const noticeSoon = await createContractRecord(clientId, {
      status: 'active',
      endDate: '2026-04-30',
      noticePeriodDays: 60,
    });
    const now = new Date('2026-03-01T06:00:00Z');
    const first = await runContractDates(db, now);
    // Other tests' contracts are in this database too, so the counts are at least these.
    expect(first.activated).toBeGreaterThanOrEqual(1);
    expect(first.renewed).toBeGreaterThanOrEqual(1);
    expect((await readContract(starting.id)).status).toBe('active');
    expect((await readContract(ending.id)).status).toBe('expired');
    expect(await readContract(renewing.id)).toMatchObject({
      status: 'active',
      endDate: '2027-02-27',
    });
    const reminded = await db
      .select()
      .from(notifications)
      .where(eq(notifications.href, `/contracts/${noticeSoon.id}`));
    // The notice deadline (2026-03-01) is today: one reminder to the owner and one to the coordinator.
    expect(reminded.map((row) => row.userId).sort()).toEqual([owner.id, coordinator.id].sort());
    await runContractDates(db, now);
    expect(
      await db
        .select()
        .from(notifications)
        .where(eq(notifications.href, `/contracts/${noticeSoon.id}`)),
    ).toHaveLength(2);
    const timeline = await db.select().from(activities).where(eq(activities.clientId, clientId));
    expect(timeline.map((entry) => entry.subject)).toContain(`Contract expired: ${ending.title}`);
  });
});

describe('lists, search and PDF follow visibility', () => {
  it('filters notice due within 90 days and hides another team’s contracts', async () => {
    const due = await createContractRecord(clientId, {
      status: 'active',
      endDate: '2099-01-01',
      noticePeriodDays: 0,
    });
    const other = await createClientRecord({ name: 'Other Co' });
    const hidden = await createContractRecord(other.id, { title: 'Hidden deal terms' });
    const params = contractListSchema.parse({ notice: '90' });
    const near = await listContracts(manager, params);
    expect(near.rows.map((row) => row.id)).not.toContain(due.id);
    const all = await listContracts(coordinator, contractListSchema.parse({}));
    expect(all.rows.map((row) => row.id)).toEqual(expect.arrayContaining([due.id, hidden.id]));
    await setVisibility('assigned');
    const mine = await listContracts(coordinator, contractListSchema.parse({}));
    expect(mine.rows.map((row) => row.id)).toContain(due.id);
    expect(mine.rows.map((row) => row.id)).not.toContain(hidden.id);
    const provider = searchProviders.find((candidate) => candidate.label === 'Contracts')!;
    expect(await provider.search(coordinator, 'Hidden deal', 5)).toEqual([]);
    expect((await provider.search(manager, 'Hidden deal', 5)).map((hit) => hit.id)).toEqual([
      hidden.id,
    ]);
    expect(await contractPdf(coordinator, hidden.id)).toBeNull();
  });

  it('lists a contract whose notice deadline falls within the window', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const end = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
    const due = await createContractRecord(clientId, {
      status: 'active',
      startDate: today,
      endDate: end,
      noticePeriodDays: 10,
    });
    const within30 = await listContracts(manager, contractListSchema.parse({ notice: '30' }));
    const within60 = await listContracts(manager, contractListSchema.parse({ notice: '60' }));
    expect(within30.rows.map((row) => row.id)).toContain(due.id);
    expect(within60.rows.map((row) => row.id)).toContain(due.id);
  });

  it('prints the contract’s terms and facts in its PDF', async () => {
    const contract = await createContractRecord(clientId, {
      title: 'Ретейнер 2026',
      terms: '## Scope\nΌλα τα έργα.',
      noticePeriodDays: 30,
    });
    const pdf = await contractPdf(coordinator, contract.id);
    expect(pdf?.fileName).toBe('Ретейнер 2026.pdf');
    const text = pdfText(pdf!.content);
    expect(text).toContain('Ретейнер 2026');
    expect(text).toContain('Όλα τα έργα.');
    expect(text).toContain('Acme Ltd');
    // The value and the dates it runs and can be left by, in the house format.
    expect(text).toContain('Value: $12,000');
    expect(text).toContain('Term: Jan 1, 2026 to Dec 31, 2026');
    expect(text).toContain('Notice: 30 days, by Dec 1, 2026');
  });
});

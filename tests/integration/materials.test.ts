import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import {
  activities,
  materials,
  materialStatusChanges,
  notifications,
  proposalMaterials,
} from '@/db/schema';
import { roles } from '@/lib/roles';
import { materialLibrarySchema, materialListSchema } from '@/lib/validation/materials';
import { executeAction } from '@/server/action';
import type { CurrentUser } from '@/server/auth/session';
import { deleteDocumentCommand } from '@/server/documents/commands';
import { documentResponse } from '@/server/documents/download';
import {
  approveMaterialCommand,
  assignMaterialCommand,
  attachMaterialCommand,
  bulkAssignMaterialsCommand,
  createMaterialCommand,
  detachMaterialCommand,
  sendBackMaterialCommand,
  startMaterialCommand,
  submitMaterialCommand,
  updateMaterialCommand,
} from '@/server/materials/commands';
import {
  findFilterCampaign,
  getMaterialPage,
  getNewMaterialOptions,
  listAttachedMaterials,
  listMaterials,
  listMyMaterialsDue,
  listRecordMaterials,
  searchMaterialLibrary,
  materialsCsv,
} from '@/server/materials/queries';
import { findSharedMaterialFile, listSharedMaterialFiles } from '@/server/materials/share';
import { createShareToken } from '@/server/proposals/share-token';
import { searchProviders } from '@/server/search/providers';
import { GET as downloadSharedMaterial } from '@/app/p/[token]/materials/[documentId]/route';
import { csvRecords } from '../support/csv';
import { createCampaignRecord } from '../support/campaign-factories';
import { createClientRecord, setVisibility } from '../support/client-factories';
import { createDealRecord } from '../support/deal-factories';
import { pdfBytes, upload, uploaded } from '../support/document-factories';
import { auditEntriesFor, createActor, expectOk } from '../support/factories';
import { scheduleMeeting } from '../support/meeting-factories';
import { createProposal } from '../support/proposal-factories';

async function readMaterial(id: string) {
  const [row] = await db.select().from(materials).where(eq(materials.id, id));
  if (!row) throw new Error('material missing');
  return row;
}

const requestForm = (clientId: string, overrides: Record<string, string> = {}) => ({
  clientId,
  dealId: '',
  kind: 'presentation',
  title: 'Spring launch deck',
  brief: '# Goal\nWin the **spring** launch.',
  tags: 'Launch, retail, launch',
  assigneeId: '',
  dueDate: '2026-12-10',
  ...overrides,
});

/** A coordinator requests a material on an executive's account and makes it with one file. */
async function materialInProgress() {
  const owner = await createActor('executive');
  const coordinator = await createActor('coordinator');
  const client = await createClientRecord({
    ownerId: owner.id,
    coordinatorId: coordinator.id,
    industry: 'Retail',
  });
  const { id } = expectOk(
    await executeAction(
      createMaterialCommand,
      coordinator,
      requestForm(client.id, { assigneeId: coordinator.id }),
    ),
  );
  expectOk(await executeAction(startMaterialCommand, coordinator, { id, version: '1' }));
  const file = uploaded(
    await upload(coordinator, { recordKind: 'material', recordId: id }, 'deck.pdf', pdfBytes),
  );
  return { owner, coordinator, client, id, file };
}

async function inReview() {
  const made = await materialInProgress();
  expectOk(
    await executeAction(submitMaterialCommand, made.coordinator, { id: made.id, version: '2' }),
  );
  return made;
}

async function approved() {
  const made = await inReview();
  expectOk(await executeAction(approveMaterialCommand, made.owner, { id: made.id, version: '3' }));
  return made;
}

beforeEach(async () => {
  await setVisibility('open');
});

describe('requesting a material', () => {
  it('lets every role request one, with its tags cleaned, audited and on the timeline', async () => {
    for (const role of roles) {
      const actor = await createActor(role);
      const client = await createClientRecord();
      const { id } = expectOk(
        await executeAction(createMaterialCommand, actor, requestForm(client.id)),
      );
      expect(await readMaterial(id)).toMatchObject({
        status: 'requested',
        requestedById: actor.id,
        assigneeId: null,
        tags: ['launch', 'retail'],
        dueDate: '2026-12-10',
      });
      const [audit] = await auditEntriesFor(id);
      expect(audit).toMatchObject({ action: 'material.requested', actorId: actor.id });
      const timeline = await db
        .select()
        .from(activities)
        .where(and(eq(activities.clientId, client.id), eq(activities.kind, 'material')));
      expect(timeline).toHaveLength(1);
    }
  });

  it('tells the assignee, and refuses a deal of another client or bad input', async () => {
    const actor = await createActor('coordinator');
    const assignee = await createActor('coordinator');
    const client = await createClientRecord();
    const otherDeal = await createDealRecord((await createClientRecord()).id);
    const { id } = expectOk(
      await executeAction(
        createMaterialCommand,
        actor,
        requestForm(client.id, { assigneeId: assignee.id }),
      ),
    );
    const told = await db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.userId, assignee.id), eq(notifications.kind, 'material_assigned')),
      );
    expect(told.map((row) => row.href)).toEqual([`/materials/${id}`]);
    const wrongDeal = await executeAction(
      createMaterialCommand,
      actor,
      requestForm(client.id, { dealId: otherDeal.id }),
    );
    expect(wrongDeal).toMatchObject({ ok: false, fieldErrors: { dealId: expect.any(Array) } });
    const badKind = await executeAction(
      createMaterialCommand,
      actor,
      requestForm(client.id, { kind: 'poster', title: '' }),
    );
    expect(badKind).toMatchObject({
      ok: false,
      fieldErrors: { kind: expect.any(Array), title: ['Enter a title.'] },
    });
    const rows = await db.select().from(materials).where(eq(materials.clientId, client.id));
    expect(rows).toHaveLength(1);
  });
});

describe('materials for a campaign', () => {
  it('links only a campaign of the same client, on request and on edit, audited', async () => {
    const owner = await createActor('executive');
    const coordinator = await createActor('coordinator');
    const client = await createClientRecord({ ownerId: owner.id, coordinatorId: coordinator.id });
    const other = await createClientRecord();
    const campaign = await createCampaignRecord(owner, client.id);
    const otherCampaign = await createCampaignRecord(owner, other.id, { name: 'Not theirs' });
    const refused = await executeAction(
      createMaterialCommand,
      coordinator,
      requestForm(client.id, { campaignId: otherCampaign.id }),
    );
    expect(refused).toMatchObject({
      ok: false,
      fieldErrors: { campaignId: ['Choose a campaign of this client.'] },
    });
    const garbled = await executeAction(
      createMaterialCommand,
      coordinator,
      requestForm(client.id, { campaignId: 'not-an-id' }),
    );
    expect(garbled).toMatchObject({ ok: false, fieldErrors: { campaignId: expect.any(Array) } });
    expect(await db.select().from(materials).where(eq(materials.clientId, client.id))).toEqual([]);

    const { id } = expectOk(
      await executeAction(
        createMaterialCommand,
        coordinator,
        requestForm(client.id, { campaignId: campaign.id }),
      ),
    );
    expect(await readMaterial(id)).toMatchObject({ campaignId: campaign.id });
    const page = await getMaterialPage(coordinator, id);
    expect(page.material).toMatchObject({ campaignId: campaign.id, campaignName: 'Spring launch' });
    expect(page.campaigns.map((choice) => choice.id)).toEqual([campaign.id]);

    const editForm = {
      id,
      version: '1',
      title: 'Spring launch deck',
      brief: '',
      tags: '',
      dueDate: '',
    };
    const wrongEdit = await executeAction(updateMaterialCommand, coordinator, {
      ...editForm,
      campaignId: otherCampaign.id,
    });
    expect(wrongEdit).toMatchObject({ ok: false, fieldErrors: { campaignId: expect.any(Array) } });
    expect(await readMaterial(id)).toMatchObject({ campaignId: campaign.id, version: 1 });
    expectOk(
      await executeAction(updateMaterialCommand, coordinator, { ...editForm, campaignId: '' }),
    );
    expect(await readMaterial(id)).toMatchObject({ campaignId: null, version: 2 });
    const edited = (await auditEntriesFor(id)).find((entry) => entry.action === 'material.updated');
    expect(edited).toMatchObject({
      action: 'material.updated',
      before: expect.objectContaining({ campaignId: campaign.id }),
      after: expect.objectContaining({ campaignId: null }),
    });
  });

  it('filters the list, fills the panel and prefills the form, within visibility', async () => {
    const owner = await createActor('executive');
    const outsider = await createActor('coordinator');
    const client = await createClientRecord({ ownerId: owner.id });
    const campaign = await createCampaignRecord(owner, client.id);
    const { id } = expectOk(
      await executeAction(
        createMaterialCommand,
        owner,
        requestForm(client.id, { campaignId: campaign.id }),
      ),
    );
    const { id: unlinked } = expectOk(
      await executeAction(createMaterialCommand, owner, requestForm(client.id)),
    );
    const filtered = await listMaterials(
      owner,
      materialListSchema.parse({ campaign: campaign.id }),
      new Date(),
    );
    expect(filtered.rows.map((row) => row.id)).toEqual([id]);
    const panel = await listRecordMaterials(owner, { campaignId: campaign.id });
    expect(panel.map((row) => row.id)).toEqual([id]);
    expect(
      (await listRecordMaterials(owner, { clientId: client.id })).map((row) => row.id).sort(),
    ).toEqual([unlinked, id].sort());
    const options = await getNewMaterialOptions(owner, {
      clientId: client.id,
      campaignId: campaign.id,
    });
    expect(options).toMatchObject({ campaignId: campaign.id, campaigns: [{ id: campaign.id }] });
    expect((await findFilterCampaign(owner, campaign.id))?.name).toBe('Spring launch');
    const exported = await csvRecords(
      await materialsCsv(owner, materialListSchema.parse({ client: client.id }), new Date()),
    );
    expect(exported.map((row) => row.Campaign).sort()).toEqual(['Spring launch', ''].sort());

    await setVisibility('assigned');
    expect(await listRecordMaterials(outsider, { campaignId: campaign.id })).toEqual([]);
    const hidden = await listMaterials(
      outsider,
      materialListSchema.parse({ campaign: campaign.id }),
      new Date(),
    );
    expect(hidden.rows).toEqual([]);
    expect(await findFilterCampaign(outsider, campaign.id)).toBeNull();
    expect(await listRecordMaterials(owner, { campaignId: campaign.id })).toHaveLength(1);
  });
});

describe('the life cycle', () => {
  it('needs a file before review, and records every step with its comment', async () => {
    const owner = await createActor('executive');
    const coordinator = await createActor('coordinator');
    const client = await createClientRecord({ ownerId: owner.id });
    const { id } = expectOk(
      await executeAction(createMaterialCommand, coordinator, requestForm(client.id)),
    );
    expectOk(await executeAction(startMaterialCommand, coordinator, { id, version: '1' }));
    expect(await readMaterial(id)).toMatchObject({
      status: 'in_progress',
      assigneeId: coordinator.id,
    });
    const empty = await executeAction(submitMaterialCommand, coordinator, { id, version: '2' });
    expect(empty).toMatchObject({ ok: false, code: 'conflict' });
    uploaded(
      await upload(coordinator, { recordKind: 'material', recordId: id }, 'a.pdf', pdfBytes),
    );
    expectOk(await executeAction(submitMaterialCommand, coordinator, { id, version: '2' }));
    const reviewers = await db
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(eq(notifications.kind, 'material_review_requested'));
    expect(reviewers.map((row) => row.userId)).toContain(owner.id);

    const noComment = await executeAction(sendBackMaterialCommand, owner, {
      id,
      version: '3',
      comment: ' ',
    });
    expect(noComment).toMatchObject({ ok: false, fieldErrors: { comment: expect.any(Array) } });
    expectOk(
      await executeAction(sendBackMaterialCommand, owner, {
        id,
        version: '3',
        comment: 'Use the new logo.',
      }),
    );
    const sentBack = await db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.userId, coordinator.id), eq(notifications.kind, 'material_sent_back')),
      );
    expect(sentBack[0]?.body).toBe('Use the new logo.');
    expectOk(await executeAction(submitMaterialCommand, coordinator, { id, version: '4' }));
    expectOk(await executeAction(approveMaterialCommand, owner, { id, version: '5' }));
    expect(await readMaterial(id)).toMatchObject({ status: 'ready', approvedById: owner.id });
    const history = await db
      .select()
      .from(materialStatusChanges)
      .where(eq(materialStatusChanges.materialId, id))
      .orderBy(materialStatusChanges.changedAt);
    expect(history.map((change) => [change.toStatus, change.comment])).toEqual([
      ['requested', null],
      ['in_progress', null],
      ['in_review', null],
      ['in_progress', 'Use the new logo.'],
      ['in_review', null],
      ['ready', null],
    ]);
    const page = await getMaterialPage(coordinator, id);
    expect(page.history).toHaveLength(6);
    expect(page.mayApprove).toBe(false);
  });

  it('refuses a stale version and a step that is not open', async () => {
    const { coordinator, id } = await materialInProgress();
    const stale = await executeAction(submitMaterialCommand, coordinator, { id, version: '1' });
    expect(stale).toMatchObject({ ok: false, code: 'stale' });
    const notOpen = await executeAction(startMaterialCommand, coordinator, { id, version: '2' });
    expect(notOpen).toMatchObject({ ok: false, code: 'conflict' });
    const edit = await executeAction(updateMaterialCommand, coordinator, {
      id,
      version: '1',
      title: 'Renamed',
    });
    expect(edit).toMatchObject({ ok: false, code: 'stale' });
    expect((await readMaterial(id)).title).toBe('Spring launch deck');
  });

  it('lets the reviewer approve only a material in review with a live file', async () => {
    const { owner, coordinator, id, file } = await inReview();
    expectOk(await executeAction(deleteDocumentCommand, coordinator, { fileId: file.fileId }));
    const noFile = await executeAction(approveMaterialCommand, owner, { id, version: '3' });
    expect(noFile).toMatchObject({ ok: false, code: 'conflict' });
    expect((await readMaterial(id)).status).toBe('in_review');
  });
});

describe('who may approve', () => {
  it('never a coordinator, nor the requester or assignee; any other executive or manager', async () => {
    const { owner, coordinator, id } = await inReview();
    const otherCoordinator = await createActor('coordinator');
    for (const refused of [coordinator, otherCoordinator]) {
      const result = await executeAction(approveMaterialCommand, refused, { id, version: '3' });
      expect(result).toMatchObject({ ok: false, code: 'forbidden' });
      const back = await executeAction(sendBackMaterialCommand, refused, {
        id,
        version: '3',
        comment: 'Mine',
      });
      expect(back).toMatchObject({ ok: false, code: 'forbidden' });
    }
    const manager = await createActor('manager');
    expectOk(
      await executeAction(assignMaterialCommand, coordinator, {
        id,
        version: '3',
        assigneeId: manager.id,
      }),
    );
    const ownWork = await executeAction(approveMaterialCommand, manager, { id, version: '4' });
    expect(ownWork).toMatchObject({ ok: false, code: 'forbidden' });
    const otherExecutive = await createActor('executive');
    expectOk(await executeAction(approveMaterialCommand, otherExecutive, { id, version: '4' }));
    expect(owner.id).not.toBe(otherExecutive.id);
  });

  it('never lets an executive approve what they requested', async () => {
    const executive = await createActor('executive');
    const maker = await createActor('coordinator');
    const client = await createClientRecord();
    const { id } = expectOk(
      await executeAction(
        createMaterialCommand,
        executive,
        requestForm(client.id, { assigneeId: maker.id }),
      ),
    );
    expectOk(await executeAction(startMaterialCommand, maker, { id, version: '1' }));
    uploaded(await upload(maker, { recordKind: 'material', recordId: id }, 'a.pdf', pdfBytes));
    expectOk(await executeAction(submitMaterialCommand, maker, { id, version: '2' }));
    const result = await executeAction(approveMaterialCommand, executive, { id, version: '3' });
    expect(result).toMatchObject({ ok: false, code: 'forbidden' });
    expectOk(
      await executeAction(approveMaterialCommand, await createActor('manager'), {
        id,
        version: '3',
      }),
    );
  });
});

describe('assigning', () => {
  it('tells the new assignee; bulk assign applies the same rule and counts what it skips', async () => {
    await setVisibility('assigned');
    const manager = await createActor('manager');
    const coordinator = await createActor('coordinator');
    const theirs = await createClientRecord({ coordinatorId: coordinator.id });
    const hidden = await createClientRecord();
    const make = async (clientId: string) =>
      expectOk(await executeAction(createMaterialCommand, manager, requestForm(clientId))).id;
    const first = await make(theirs.id);
    const second = await make(theirs.id);
    const outside = await make(hidden.id);
    expectOk(
      await executeAction(assignMaterialCommand, manager, {
        id: first,
        version: '1',
        assigneeId: coordinator.id,
      }),
    );
    const single = await executeAction(assignMaterialCommand, manager, {
      id: outside,
      version: '1',
      assigneeId: coordinator.id,
    });
    expect(single).toMatchObject({ ok: false, fieldErrors: { assigneeId: expect.any(Array) } });
    const result = expectOk(
      await executeAction(bulkAssignMaterialsCommand, manager, {
        assigneeId: coordinator.id,
        selection: {
          mode: 'rows',
          rows: [
            { id: first, version: 2 },
            { id: second, version: 1 },
            { id: outside, version: 1 },
          ],
        },
      }),
    );
    expect(result).toMatchObject({ changed: 1, skipped: 2 });
    expect(result.reasons).toMatchObject({ unchanged: 1, invalid: 1 });
    expect((await readMaterial(second)).assigneeId).toBe(coordinator.id);
    expect((await readMaterial(outside)).assigneeId).toBeNull();
    const byFilter = expectOk(
      await executeAction(bulkAssignMaterialsCommand, coordinator, {
        assigneeId: manager.id,
        selection: {
          mode: 'filter',
          filter: { status: 'requested' },
          listedAt: new Date(Date.now() + 60_000).toISOString(),
        },
      }),
    );
    // Under `assigned`, the coordinator's filter reaches only the account they coordinate.
    expect(byFilter.changed).toBe(2);
    expect((await readMaterial(outside)).assigneeId).toBeNull();
  });
});

describe('visibility under `assigned`', () => {
  it('hides another account’s material from the list, library, search, page, files and My work', async () => {
    const made = await approved();
    const outsider = await createActor('coordinator');
    await db
      .update(materials)
      .set({ assigneeId: outsider.id, status: 'in_progress', dueDate: '2000-01-01' })
      .where(eq(materials.id, made.id));
    const seenByOutsider = async () => ({
      list: (await listMaterials(outsider, materialListSchema.parse({}), new Date())).rows,
      due: await listMyMaterialsDue(outsider, new Date()),
      search: await searchProviders
        .find((provider) => provider.label === 'Materials')!
        .search(outsider, 'Spring launch', 5),
    });
    expect((await seenByOutsider()).list.map((row) => row.id)).toContain(made.id);
    expect((await seenByOutsider()).due.map((row) => row.id)).toContain(made.id);
    await setVisibility('assigned');
    const hidden = await seenByOutsider();
    expect(hidden.list.map((row) => row.id)).not.toContain(made.id);
    expect(hidden.due).toEqual([]);
    expect(hidden.search).toEqual([]);
    await expect(getMaterialPage(outsider, made.id)).rejects.toThrow();
    expect((await documentResponse(outsider, made.file.id, false)).status).toBe(404);
    expect((await documentResponse(made.coordinator, made.file.id, false)).status).toBe(200);
    const edit = await executeAction(startMaterialCommand, outsider, { id: made.id, version: '4' });
    expect(edit).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('searches the library by kind, tag, client, industry and text, within visibility', async () => {
    const made = await approved();
    const outsider = await createActor('executive');
    const search = (viewer: CurrentUser, params: Record<string, string>) =>
      searchMaterialLibrary(viewer, materialLibrarySchema.parse(params));
    const ids = async (viewer: CurrentUser, params: Record<string, string>) =>
      (await search(viewer, params)).rows.map((row) => row.id);
    expect(await ids(made.coordinator, { q: 'SPRING' })).toContain(made.id);
    expect(await ids(made.coordinator, { q: 'launch', kind: 'presentation' })).toContain(made.id);
    expect(await ids(made.coordinator, { q: 'launch', kind: 'video' })).not.toContain(made.id);
    expect(await ids(made.coordinator, { tag: 'Retail', client: made.client.id })).toEqual([
      made.id,
    ]);
    expect(await ids(made.coordinator, { industry: 'Retail', client: made.client.id })).toEqual([
      made.id,
    ]);
    expect(await ids(made.coordinator, { industry: 'Energy', client: made.client.id })).toEqual([]);
    const [row] = (await search(made.coordinator, { client: made.client.id })).rows;
    expect(row).toMatchObject({ latestMediaType: 'application/pdf', thumbnailId: null });
    expect(await ids(outsider, { client: made.client.id })).toEqual([made.id]);
    await setVisibility('assigned');
    expect(await ids(outsider, { client: made.client.id })).toEqual([]);
  });
});

describe('attaching to proposals and meetings, and the share link', () => {
  it('attaches only ready materials of the same client, and the share link serves only those', async () => {
    const made = await approved();
    const { token, hash } = createShareToken();
    const proposal = await createProposal(db, {
      clientId: made.client.id,
      status: 'sent',
      validUntil: '2099-12-31',
      sentAt: new Date(),
      shareTokenHash: hash,
      shareLinkCreatedAt: new Date(),
    });
    const otherProposal = await createProposal(db, { status: 'sent', validUntil: '2099-12-31' });
    const attach = (targetId: string, targetKind = 'proposal', materialId = made.id) =>
      executeAction(attachMaterialCommand, made.coordinator, { materialId, targetKind, targetId });
    expect(await attach(otherProposal.id)).toMatchObject({ ok: false, code: 'conflict' });
    expect(await findSharedMaterialFile(token, made.file.id)).toBeNull();
    expectOk(await attach(proposal.id));
    expect(await attach(proposal.id)).toMatchObject({ ok: false, code: 'conflict' });
    const attached = await listAttachedMaterials(made.coordinator, {
      kind: 'proposal',
      id: proposal.id,
      clientId: made.client.id,
    });
    expect(attached.attached.map((row) => row.id)).toEqual([made.id]);
    expect(attached.candidates).toEqual([]);

    const files = await listSharedMaterialFiles(proposal.id);
    expect(files.map((file) => file.id)).toEqual([made.file.id]);
    expect(files[0]).not.toHaveProperty('storageKey');
    expect(await findSharedMaterialFile(token, made.file.id)).toMatchObject({
      id: made.file.id,
    });
    const download = await downloadSharedMaterial(new Request('http://localhost/'), {
      params: Promise.resolve({ token, documentId: made.file.id }),
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="deck.pdf"/);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await download.arrayBuffer())).toEqual(pdfBytes);
    const part = await downloadSharedMaterial(
      new Request('http://localhost/', { headers: { range: 'bytes=0-4' } }),
      { params: Promise.resolve({ token, documentId: made.file.id }) },
    );
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(pdfBytes.subarray(0, 5));
    const refused = await downloadSharedMaterial(new Request('http://localhost/'), {
      params: Promise.resolve({ token: createShareToken().token, documentId: made.file.id }),
    });
    expect(refused.status).toBe(404);
    // Another token, or an older version replaced since, is not served.
    expect(await findSharedMaterialFile(createShareToken().token, made.file.id)).toBeNull();
    const replaced = uploaded(
      await upload(
        made.coordinator,
        { recordKind: 'material', recordId: made.id, replacesFileId: made.file.fileId },
        'deck-v2.pdf',
        pdfBytes,
      ),
    );
    expect(await findSharedMaterialFile(token, made.file.id)).toBeNull();
    expect(await findSharedMaterialFile(token, replaced.id)).toMatchObject({ id: replaced.id });
    // Sent back to work, it leaves the share page until it is ready again.
    expectOk(
      await executeAction(sendBackMaterialCommand, made.coordinator, {
        id: made.id,
        version: '4',
        comment: 'The client asked for a new chart.',
      }),
    );
    expect(await findSharedMaterialFile(token, replaced.id)).toBeNull();
    expect(await attach(proposal.id)).toMatchObject({ ok: false, code: 'conflict' });

    expectOk(
      await executeAction(detachMaterialCommand, made.coordinator, {
        materialId: made.id,
        targetKind: 'proposal',
        targetId: proposal.id,
      }),
    );
    expect(
      await db
        .select()
        .from(proposalMaterials)
        .where(eq(proposalMaterials.proposalId, proposal.id)),
    ).toEqual([]);
  });

  it('attaches a ready material to a meeting, hidden under `assigned` from outsiders', async () => {
    const made = await approved();
    const meeting = await scheduleMeeting(made.coordinator, [made.coordinator.id], {
      clientId: made.client.id,
    });
    expectOk(
      await executeAction(attachMaterialCommand, made.coordinator, {
        materialId: made.id,
        targetKind: 'meeting',
        targetId: meeting.id,
      }),
    );
    const target = { kind: 'meeting' as const, id: meeting.id, clientId: made.client.id };
    expect((await listAttachedMaterials(made.owner, target)).attached).toHaveLength(1);
    const outsider = await createActor('coordinator');
    await setVisibility('assigned');
    expect((await listAttachedMaterials(outsider, target)).attached).toEqual([]);
    const detach = await executeAction(detachMaterialCommand, outsider, {
      materialId: made.id,
      targetKind: 'meeting',
      targetId: meeting.id,
    });
    expect(detach).toMatchObject({ ok: false, code: 'not_found' });
  });
});

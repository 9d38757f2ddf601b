import { eq, inArray } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditLog, dealStageChanges, deals, proposals } from '@/db/schema';
import type { BulkSelection } from '@/lib/bulk';
import { executeAction } from '@/server/action';
import { bulkMoveDealsCommand, bulkReassignDealsCommand } from '@/server/deals/bulk';
import { bulkWithdrawProposalsCommand } from '@/server/proposals/bulk';
import { createActor, createUser } from '../support/factories';
import { createClientRecord, setVisibility } from '../support/client-factories';
import { createDealRecord } from '../support/deal-factories';
import { createProposal } from '../support/proposal-factories';

type Row = { id: string; version: number };
const byRows = (...rows: Row[]): BulkSelection => ({ mode: 'rows', rows });

async function dealRow(id: string) {
  const [row] = await db.select().from(deals).where(eq(deals.id, id));
  return row;
}

async function proposalRow(id: string) {
  const [row] = await db.select().from(proposals).where(eq(proposals.id, id));
  return row;
}

beforeEach(async () => {
  await setVisibility('open');
});

describe('bulk deal stage moves', () => {
  it('asks for a reason before moving deals to lost, and changes nothing without one', async () => {
    const coordinator = await createActor('coordinator');
    const client = await createClientRecord();
    const deal = await createDealRecord(client.id, { stage: 'negotiation' });
    const result = await executeAction(bulkMoveDealsCommand, coordinator, {
      selection: byRows(deal),
      stage: 'lost',
      lostReason: '  ',
    });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { lostReason: ['Say why these deals were lost.'] },
    });
    expect((await dealRow(deal.id))?.stage).toBe('negotiation');
  });

  it('moves each deal with its stage history and audit row, skipping the impossible ones', async () => {
    const coordinator = await createActor('coordinator');
    const client = await createClientRecord();
    const open = await createDealRecord(client.id, { stage: 'proposal' });
    const won = await createDealRecord(client.id, { stage: 'won' });
    const alreadyLost = await createDealRecord(client.id, { stage: 'lost' });
    const result = await executeAction(bulkMoveDealsCommand, coordinator, {
      selection: byRows(open, won, alreadyLost),
      stage: 'lost',
      lostReason: 'Went in-house',
    });
    expect(result).toMatchObject({
      ok: true,
      data: {
        changed: 1,
        message: '1 changed, 2 skipped (1 not possible in their state, 1 already so).',
      },
    });
    expect(await dealRow(open.id)).toMatchObject({ stage: 'lost', lostReason: 'Went in-house' });
    expect((await dealRow(won.id))?.stage).toBe('won');
    const history = await db
      .select()
      .from(dealStageChanges)
      .where(eq(dealStageChanges.dealId, open.id));
    expect(history).toEqual([expect.objectContaining({ fromStage: 'proposal', toStage: 'lost' })]);
    const audit = await db
      .select()
      .from(auditLog)
      .where(inArray(auditLog.entityId, [open.id, won.id, alreadyLost.id]));
    expect(audit.map((entry) => [entry.entityId, entry.action])).toEqual([
      [open.id, 'deal.stage_changed'],
    ]);
  });

  it('skips deals of clients hidden under assigned visibility as not found', async () => {
    await setVisibility('assigned');
    const executive = await createActor('executive');
    const mine = await createDealRecord((await createClientRecord({ ownerId: executive.id })).id);
    const hidden = await createDealRecord((await createClientRecord()).id);
    const result = await executeAction(bulkMoveDealsCommand, executive, {
      selection: byRows(mine, hidden),
      stage: 'qualified',
    });
    expect(result).toMatchObject({ ok: true, data: { changed: 1, reasons: { not_found: 1 } } });
    expect((await dealRow(hidden.id))?.stage).toBe('lead');
  });

  it('reassigns the deals matching a filter, skipping one edited since the list was read', async () => {
    const manager = await createActor('manager');
    const owner = await createUser({ role: 'executive' });
    const client = await createClientRecord();
    const first = await createDealRecord(client.id);
    const listedAt = new Date();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const edited = await createDealRecord(client.id);
    const result = await executeAction(bulkReassignDealsCommand, manager, {
      selection: {
        mode: 'filter',
        filter: { client: client.id },
        listedAt: listedAt.toISOString(),
      },
      role: 'owner',
      userId: owner.id,
    });
    expect(result).toMatchObject({ ok: true, data: { changed: 1, reasons: { stale: 1 } } });
    expect((await dealRow(first.id))?.ownerId).toBe(owner.id);
    expect((await dealRow(edited.id))?.ownerId).toBeNull();
  });
});

describe('bulk proposal withdrawal', () => {
  it('withdraws open proposals the user may, skipping closed ones and others’ proposals', async () => {
    const coordinator = await createActor('coordinator');
    const mine = await createProposal(db, { authorId: coordinator.id, status: 'in_review' });
    const accepted = await createProposal(db, { authorId: coordinator.id, status: 'accepted' });
    const others = await createProposal(db, { status: 'draft' });
    const stale = await createProposal(db, { authorId: coordinator.id, status: 'draft' });
    const result = await executeAction(bulkWithdrawProposalsCommand, coordinator, {
      selection: byRows(mine, accepted, others, { id: stale.id, version: stale.version + 1 }),
    });
    expect(result).toMatchObject({
      ok: true,
      data: {
        message:
          '1 changed, 3 skipped (1 not allowed, 1 changed by someone else, 1 not possible in their state).',
      },
    });
    expect((await proposalRow(mine.id))?.status).toBe('withdrawn');
    expect((await proposalRow(others.id))?.status).toBe('draft');
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, mine.id));
    expect(audit).toEqual([expect.objectContaining({ action: 'proposal.withdraw' })]);
  });

  it('lets a manager withdraw every open proposal matching a filter', async () => {
    const manager = await createActor('manager');
    const author = await createUser({ role: 'coordinator' });
    const drafts = [
      await createProposal(db, { authorId: author.id }),
      await createProposal(db, { authorId: author.id, status: 'sent' }),
    ];
    const result = await executeAction(bulkWithdrawProposalsCommand, manager, {
      selection: {
        mode: 'filter',
        filter: { author: author.id },
        listedAt: new Date(Date.now() + 1000).toISOString(),
      },
    });
    expect(result).toMatchObject({ ok: true, data: { changed: 2, skipped: 0 } });
    for (const proposal of drafts) {
      expect((await proposalRow(proposal.id))?.status).toBe('withdrawn');
    }
  });
});

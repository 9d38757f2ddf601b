import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { activities, auditLog, dealStageChanges, deals, proposals } from '@/db/schema';
import { roles } from '@/lib/roles';
import { dealListSchema, dealFilterSchema } from '@/lib/validation/deals';
import { executeAction } from '@/server/action';
import { findVisibleClients } from '@/server/clients/queries';
import { createDealCommand, moveDealCommand, updateDealCommand } from '@/server/deals/commands';
import {
  getBoard,
  getDeal,
  getStageTotals,
  listClientDeals,
  listDeals,
  dealsCsv,
} from '@/server/deals/queries';
import { searchEverything } from '@/server/search/queries';
import { createClientRecord, setVisibility } from '../support/client-factories';
import { createDealRecord, dealEditForm, dealForm } from '../support/deal-factories';
import { csvRecords } from '../support/csv';
import { createActor, createUser } from '../support/factories';

const listParams = (overrides: Record<string, string> = {}) => dealListSchema.parse(overrides);
const filters = (overrides: Record<string, string> = {}) => dealFilterSchema.parse(overrides);
const notFoundError = expect.objectContaining({ digest: expect.stringContaining('404') });

async function findDeal(id: string) {
  const [deal] = await db.select().from(deals).where(eq(deals.id, id));
  if (!deal) throw new Error('deal missing');
  return deal;
}

const exportedRows = async (...args: Parameters<typeof dealsCsv>) =>
  csvRecords(await dealsCsv(...args));

beforeEach(async () => {
  await setVisibility('open');
});

describe('creating deals', () => {
  it.each(roles)(
    'lets a %s create a deal on the account team, with history, timeline and audit',
    async (role) => {
      const actor = await createActor(role);
      const owner = await createUser({ role: 'executive' });
      const coordinator = await createUser({ role: 'coordinator' });
      const client = await createClientRecord({ ownerId: owner.id, coordinatorId: coordinator.id });
      const result = await executeAction(
        createDealCommand,
        actor,
        dealForm(client.id, { name: 'Brand refresh', stage: 'qualified' }),
      );
      if (!result.ok) throw new Error(result.error);
      const deal = await findDeal(result.data.id);
      expect(deal).toMatchObject({
        name: 'Brand refresh',
        stage: 'qualified',
        probability: 25,
        amountCents: 5_000_000,
        expectedClose: '2027-03-31',
        ownerId: owner.id,
        coordinatorId: coordinator.id,
      });
      const detail = await getDeal(actor, deal.id);
      expect(detail.history).toMatchObject([
        { fromStage: null, toStage: 'qualified', actorName: actor.name },
      ]);
      const timeline = await db.select().from(activities).where(eq(activities.clientId, client.id));
      expect(timeline).toMatchObject([
        { kind: 'deal', subject: 'Deal added: Brand refresh (Qualified)', actorId: actor.id },
      ]);
      const [audit] = await db.select().from(auditLog).where(eq(auditLog.entityId, deal.id));
      expect(audit).toMatchObject({ action: 'deal.created', actorId: actor.id });
    },
  );

  it('keeps a probability and team chosen on the form', async () => {
    const actor = await createActor('coordinator');
    const someoneElse = await createUser({ role: 'executive' });
    const client = await createClientRecord({ ownerId: actor.id });
    const result = await executeAction(
      createDealCommand,
      actor,
      dealForm(client.id, { probability: '40', ownerId: someoneElse.id }),
    );
    if (!result.ok) throw new Error(result.error);
    expect(await findDeal(result.data.id)).toMatchObject({
      probability: 40,
      ownerId: someoneElse.id,
    });
  });

  it('refuses bad input field by field and creates nothing', async () => {
    const actor = await createActor('coordinator');
    const client = await createClientRecord();
    const inactive = await createUser({ active: false });
    const before = await db.$count(deals);
    const invalid = await executeAction(
      createDealCommand,
      actor,
      dealForm(client.id, {
        name: '',
        amount: 'lots',
        probability: '120',
        stage: 'won',
        expectedClose: 'soon',
      }),
    );
    expect(invalid.ok).toBe(false);
    if (invalid.ok) return;
    expect(Object.keys(invalid.fieldErrors ?? {}).sort()).toEqual([
      'amount',
      'expectedClose',
      'name',
      'probability',
      'stage',
    ]);
    const inactiveOwner = await executeAction(
      createDealCommand,
      actor,
      dealForm(client.id, { ownerId: inactive.id }),
    );
    expect(inactiveOwner).toMatchObject({
      ok: false,
      fieldErrors: { ownerId: ['Choose an active user.'] },
    });
    expect(await db.$count(deals)).toBe(before);
  });
});

describe('editing deals', () => {
  it('saves against the version it read and refuses a stale edit without overwriting', async () => {
    const [first, second] = [await createActor('coordinator'), await createActor('manager')];
    const client = await createClientRecord();
    const deal = await createDealRecord(client.id, { name: 'Annual retainer' });

    const saved = await executeAction(
      updateDealCommand,
      first,
      dealEditForm(deal, { amount: '75,000', probability: '30' }),
    );
    expect(saved).toMatchObject({ ok: true, data: { version: 2 } });
    const stale = await executeAction(
      updateDealCommand,
      second,
      dealEditForm(deal, { amount: '1' }),
    );
    expect(stale).toMatchObject({
      ok: false,
      code: 'stale',
      error: expect.stringContaining('This deal was changed by someone else'),
    });
    expect(await findDeal(deal.id)).toMatchObject({
      amountCents: 7_500_000,
      probability: 30,
      version: 2,
    });
    const timeline = await db.select().from(activities).where(eq(activities.clientId, client.id));
    expect(timeline.map((entry) => entry.subject)).toEqual([
      'Changed amount, probability of Annual retainer',
    ]);
    const audits = await db.select().from(auditLog).where(eq(auditLog.entityId, deal.id));
    expect(audits).toMatchObject([
      {
        action: 'deal.updated',
        before: { amountCents: 1_000_000, probability: 10 },
        after: { amountCents: 7_500_000, probability: 30 },
      },
    ]);
  });
});

describe('moving deals between stages', () => {
  it.each(roles)('lets a %s move a deal, recording who, when, from and to', async (role) => {
    const actor = await createActor(role);
    const client = await createClientRecord();
    const deal = await createDealRecord(client.id, { stage: 'qualified', probability: 33 });
    const result = await executeAction(moveDealCommand, actor, {
      dealId: deal.id,
      version: deal.version,
      stage: 'negotiation',
    });
    expect(result).toMatchObject({ ok: true, data: { stage: 'negotiation', version: 2 } });
    expect(await findDeal(deal.id)).toMatchObject({ stage: 'negotiation', probability: 75 });
    const detail = await getDeal(actor, deal.id);
    expect(detail.history).toMatchObject([
      { fromStage: 'qualified', toStage: 'negotiation', actorName: actor.name },
    ]);
    expect(detail.history[0]?.changedAt).toBeInstanceOf(Date);
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.entityId, deal.id));
    expect(audit).toMatchObject({
      action: 'deal.stage_changed',
      before: { stage: 'qualified' },
      after: { stage: 'negotiation', probability: 75 },
    });
  });

  it('refuses lost without a reason and changes nothing; takes it with one', async () => {
    const actor = await createActor('executive');
    const client = await createClientRecord();
    const deal = await createDealRecord(client.id, { stage: 'proposal' });
    const refused = await executeAction(moveDealCommand, actor, {
      dealId: deal.id,
      version: deal.version,
      stage: 'lost',
      lostReason: '  ',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: 'Say why the deal was lost.',
      fieldErrors: { lostReason: ['Say why the deal was lost.'] },
    });
    expect(await findDeal(deal.id)).toMatchObject({
      stage: 'proposal',
      version: 1,
      lostReason: null,
    });
    expect(await db.$count(dealStageChanges, eq(dealStageChanges.dealId, deal.id))).toBe(0);
    expect(await db.$count(activities, eq(activities.clientId, client.id))).toBe(0);
    expect(await db.$count(auditLog, eq(auditLog.entityId, deal.id))).toBe(0);

    const lost = await executeAction(moveDealCommand, actor, {
      dealId: deal.id,
      version: deal.version,
      stage: 'lost',
      lostReason: 'Budget cut',
    });
    expect(lost.ok).toBe(true);
    expect(await findDeal(deal.id)).toMatchObject({
      stage: 'lost',
      probability: 0,
      lostReason: 'Budget cut',
      closedAt: expect.any(Date),
    });
    const [entry] = await db.select().from(activities).where(eq(activities.clientId, client.id));
    expect(entry).toMatchObject({
      subject: expect.stringContaining('to Lost'),
      body: 'Reason: Budget cut',
    });
  });

  it('refuses closed → closed and a stale move, and reopens a closed deal', async () => {
    const actor = await createActor('coordinator');
    const client = await createClientRecord();
    const won = await createDealRecord(client.id, { stage: 'won', closedAt: new Date() });
    expect(
      await executeAction(moveDealCommand, actor, {
        dealId: won.id,
        version: won.version,
        stage: 'lost',
        lostReason: 'Changed their mind',
      }),
    ).toMatchObject({ ok: false, error: expect.stringContaining('reopened') });
    expect(
      await executeAction(moveDealCommand, actor, {
        dealId: won.id,
        version: won.version + 1,
        stage: 'negotiation',
      }),
    ).toMatchObject({ ok: false, code: 'stale' });
    expect(await findDeal(won.id)).toMatchObject({ stage: 'won', version: 1 });
    const reopened = await executeAction(moveDealCommand, actor, {
      dealId: won.id,
      version: won.version,
      stage: 'negotiation',
    });
    expect(reopened.ok).toBe(true);
    expect(await findDeal(won.id)).toMatchObject({ stage: 'negotiation', closedAt: null });
  });
});

describe('the pipeline table and board', () => {
  it('filters, searches, sorts and counts on the server', async () => {
    const viewer = await createActor('executive');
    const owner = await createUser({ role: 'executive' });
    const acme = await createClientRecord({ name: 'Pipeline Acme' });
    const other = await createClientRecord({ name: 'Pipeline Other' });
    await createDealRecord(acme.id, {
      name: 'Alpha campaign',
      stage: 'lead',
      amountCents: 300,
      expectedClose: '2027-01-10',
      ownerId: owner.id,
    });
    await createDealRecord(acme.id, {
      name: 'Beta campaign',
      stage: 'proposal',
      amountCents: 100,
      expectedClose: '2027-02-10',
    });
    await createDealRecord(other.id, {
      name: 'Gamma site',
      stage: 'negotiation',
      amountCents: 200,
      expectedClose: '2027-03-10',
    });
    const names = async (params: Record<string, string>) =>
      (await listDeals(viewer, listParams(params))).rows.map((row) => row.name);

    expect(await names({ q: 'Pipeline Acme', sort: 'name' })).toEqual([
      'Alpha campaign',
      'Beta campaign',
    ]);
    expect(await names({ q: 'campaign', sort: 'amount', dir: 'desc' })).toEqual([
      'Alpha campaign',
      'Beta campaign',
    ]);
    expect(
      await names({ q: 'Pipeline', stage: 'lead,negotiation', sort: 'expectedClose' }),
    ).toEqual(['Alpha campaign', 'Gamma site']);
    expect(await names({ owner: owner.id })).toEqual(['Alpha campaign']);
    expect(await names({ client: other.id })).toEqual(['Gamma site']);
    expect(await names({ q: 'Pipeline', closeFrom: '2027-02-01', closeTo: '2027-02-28' })).toEqual([
      'Beta campaign',
    ]);
    expect(await names({ q: 'Pipeline', sort: 'weighted', dir: 'desc' })).toEqual([
      'Gamma site',
      'Beta campaign',
      'Alpha campaign',
    ]);
    for (const sort of dealListSchema.shape.sort.unwrap().options) {
      for (const dir of ['asc', 'desc']) {
        expect(await names({ q: 'Pipeline', sort, dir })).toHaveLength(3);
      }
    }
    const page = await listDeals(viewer, listParams({ q: 'Pipeline', size: '10' }));
    expect(page).toMatchObject({ total: 3, totalIsCapped: false });
    expect(page.rows[0]).toMatchObject({ clientName: 'Pipeline Acme', weightedCents: 30 });
    const exported = await exportedRows(viewer, listParams({ q: 'Pipeline', sort: 'name' }));
    expect(exported.map((row) => row.Name)).toEqual([
      'Alpha campaign',
      'Beta campaign',
      'Gamma site',
    ]);
  });

  it('totals and forecasts each stage per currency, with only recently closed deals', async () => {
    const viewer = await createActor('manager');
    const client = await createClientRecord({ name: 'Totals Client' });
    const only = { client: client.id };
    await createDealRecord(client.id, { stage: 'proposal', amountCents: 10_000, probability: 50 });
    await createDealRecord(client.id, { stage: 'proposal', amountCents: 20_000, probability: 25 });
    await createDealRecord(client.id, { stage: 'proposal', amountCents: 5_000, currency: 'EUR' });
    await createDealRecord(client.id, { stage: 'won', amountCents: 7_000, closedAt: new Date() });
    const longAgo = new Date(Date.now() - 200 * 24 * 3600 * 1000);
    await createDealRecord(client.id, { stage: 'won', amountCents: 9_000, closedAt: longAgo });

    const totals = await getStageTotals(viewer, filters(only));
    expect(totals).toEqual([
      { stage: 'proposal', currency: 'EUR', count: 1, amountCents: 5_000, weightedCents: 2_500 },
      { stage: 'proposal', currency: 'USD', count: 2, amountCents: 30_000, weightedCents: 10_000 },
      { stage: 'won', currency: 'USD', count: 1, amountCents: 7_000, weightedCents: 7_000 },
    ]);
    const board = await getBoard(viewer, filters(only));
    expect(board.map((column) => [column.stage, column.cards.length])).toEqual([
      ['lead', 0],
      ['qualified', 0],
      ['proposal', 3],
      ['negotiation', 0],
      ['won', 1],
      ['lost', 0],
    ]);
    expect(board.find((column) => column.stage === 'won')?.cards[0]?.amountCents).toBe(7_000);
  });

  it('orders board cards by expected close, undated last', async () => {
    const viewer = await createActor('coordinator');
    const client = await createClientRecord();
    await createDealRecord(client.id, {
      name: 'Later',
      stage: 'lead',
      expectedClose: '2027-06-01',
    });
    await createDealRecord(client.id, { name: 'Undated', stage: 'lead' });
    await createDealRecord(client.id, {
      name: 'Sooner',
      stage: 'lead',
      expectedClose: '2027-01-01',
    });
    const board = await getBoard(viewer, filters({ client: client.id }));
    expect(board[0]?.cards.map((card) => card.name)).toEqual(['Sooner', 'Later', 'Undated']);
  });

  it('shows a deal with its proposals, and the deals of a client', async () => {
    const viewer = await createActor('coordinator');
    const client = await createClientRecord();
    const deal = await createDealRecord(client.id, { name: 'With proposals' });
    await db.insert(proposals).values({
      clientId: client.id,
      dealId: deal.id,
      title: 'Q1 proposal',
      body: 'Body',
      amountCents: 4_200,
    });
    const detail = await getDeal(viewer, deal.id);
    expect(detail.deal).toMatchObject({ name: 'With proposals', clientName: client.name });
    expect(detail.proposals).toMatchObject([
      { title: 'Q1 proposal', status: 'draft', amountCents: 4_200 },
    ]);
    expect((await listClientDeals(viewer, client.id)).map((row) => row.name)).toEqual([
      'With proposals',
    ]);
  });
});

describe('visibility under "assigned"', () => {
  it("hides other teams' deals from the list, board, detail, search, export and actions", async () => {
    const coordinator = await createActor('coordinator');
    const manager = await createActor('manager');
    const mine = await createClientRecord({ name: 'Seen Harbor', coordinatorId: coordinator.id });
    const theirs = await createClientRecord({ name: 'Unseen Harbor' });
    const myDeal = await createDealRecord(mine.id, { name: 'Harbor deal mine', stage: 'lead' });
    const theirDeal = await createDealRecord(theirs.id, {
      name: 'Harbor deal theirs',
      stage: 'lead',
    });
    await setVisibility('assigned');

    const list = await listDeals(coordinator, listParams({ q: 'Harbor' }));
    expect(list.rows.map((row) => row.name)).toEqual(['Harbor deal mine']);
    expect(list.total).toBe(1);
    const exported = await exportedRows(coordinator, listParams({ q: 'Harbor' }));
    expect(exported.map((row) => row.Name)).toEqual(['Harbor deal mine']);
    const board = await getBoard(coordinator, filters({ q: 'Harbor' }));
    expect(board.flatMap((column) => column.cards.map((card) => card.name))).toEqual([
      'Harbor deal mine',
    ]);
    expect(board[0]?.totals).toMatchObject([{ count: 1 }]);
    await expect(getDeal(coordinator, theirDeal.id)).rejects.toEqual(notFoundError);
    expect(await listClientDeals(coordinator, theirs.id)).toEqual([]);
    const groups = await searchEverything(coordinator, 'Harbor deal');
    expect(groups.find((group) => group.label === 'Deals')?.hits.map((hit) => hit.title)).toEqual([
      'Harbor deal mine',
    ]);
    expect(
      (await findVisibleClients(coordinator, 'Harbor', 10)).map((client) => client.name),
    ).toEqual(['Seen Harbor']);

    const refusal = { ok: false, code: 'not_found' };
    expect(
      await executeAction(moveDealCommand, coordinator, {
        dealId: theirDeal.id,
        version: 1,
        stage: 'qualified',
      }),
    ).toMatchObject(refusal);
    expect(
      await executeAction(
        updateDealCommand,
        coordinator,
        dealEditForm(theirDeal, { name: 'Mine now' }),
      ),
    ).toMatchObject(refusal);
    expect(await executeAction(createDealCommand, coordinator, dealForm(theirs.id))).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect(await findDeal(theirDeal.id)).toMatchObject({
      name: 'Harbor deal theirs',
      stage: 'lead',
      version: 1,
    });
    expect(await db.$count(deals, eq(deals.clientId, theirs.id))).toBe(1);

    const managerView = await listDeals(manager, listParams({ q: 'Harbor', sort: 'name' }));
    expect(managerView.rows.map((row) => row.name)).toEqual([
      'Harbor deal mine',
      'Harbor deal theirs',
    ]);
    expect((await getDeal(coordinator, myDeal.id)).deal.name).toBe('Harbor deal mine');
  });
});

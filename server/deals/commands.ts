import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { dealStageChanges, deals } from '@/db/schema';
import { dealStageLabels, defaultProbability } from '@/lib/deals';
import {
  createDealSchema,
  moveDealSchema,
  updateDealSchema,
  type UpdateDealInput,
} from '@/lib/validation/deals';
import { defineAction } from '@/server/action';
import type { CurrentUser } from '@/server/auth/session';
import {
  assertActiveUser,
  changedFields,
  lockVisibleClient,
  recordActivity,
} from '@/server/clients/records';
import { staleRecord } from '@/server/errors';
import { lockVisibleRecord } from '@/server/lock-record';
import { moveDealStage, stageChangeAudit } from './stage';
import { visibleDeals } from './visibility';

const dealFieldLabels: Record<string, string> = {
  name: 'name',
  amountCents: 'amount',
  currency: 'currency',
  probability: 'probability',
  expectedClose: 'expected close',
  ownerId: 'owner',
  coordinatorId: 'coordinator',
};

/**
 * Locks a deal the user may see, for a change to it. A deal whose client is outside the user's
 * visibility is answered exactly like one that does not exist.
 */
async function lockVisibleDeal(
  tx: Transaction,
  user: CurrentUser,
  dealId: string,
  version: number,
) {
  const visibility = await visibleDeals(user);
  return lockVisibleRecord(tx, deals, 'deal', { id: dealId, visibility, version });
}

export const createDealCommand = defineAction({
  schema: createDealSchema,
  permission: 'deals.write',
  async run(input, { tx, user, audit }) {
    const client = await lockVisibleClient(tx, user, input.clientId);
    await assertActiveUser(tx, input.ownerId, 'ownerId');
    await assertActiveUser(tx, input.coordinatorId, 'coordinatorId');
    const values = {
      clientId: client.id,
      name: input.name,
      stage: input.stage,
      amountCents: input.amount,
      currency: input.currency,
      probability: input.probability ?? defaultProbability[input.stage],
      expectedClose: input.expectedClose ?? null,
      // The account's team works the deal unless someone else is named.
      ownerId: input.ownerId ?? client.ownerId,
      coordinatorId: input.coordinatorId ?? client.coordinatorId,
    };
    const [created] = await tx.insert(deals).values(values).returning({ id: deals.id });
    if (!created) throw new Error('deal not created');
    await tx
      .insert(dealStageChanges)
      .values({ dealId: created.id, fromStage: null, toStage: input.stage, actorId: user.id });
    await recordActivity(tx, {
      clientId: client.id,
      kind: 'deal',
      subject: `Deal added: ${input.name} (${dealStageLabels[input.stage]})`,
      actorId: user.id,
    });
    await audit({
      action: 'deal.created',
      entityType: 'deal',
      entityId: created.id,
      after: values,
    });
    return { id: created.id };
  },
});

function dealColumns(input: UpdateDealInput, probability: number) {
  return {
    name: input.name,
    amountCents: input.amount,
    currency: input.currency,
    probability,
    expectedClose: input.expectedClose ?? null,
    ownerId: input.ownerId ?? null,
    coordinatorId: input.coordinatorId ?? null,
  };
}

export const updateDealCommand = defineAction({
  schema: updateDealSchema,
  permission: 'deals.write',
  async run(input, { tx, user, audit }) {
    const deal = await lockVisibleDeal(tx, user, input.dealId, input.version);
    if (input.ownerId !== deal.ownerId) await assertActiveUser(tx, input.ownerId, 'ownerId');
    if (input.coordinatorId !== deal.coordinatorId) {
      await assertActiveUser(tx, input.coordinatorId, 'coordinatorId');
    }
    const next = dealColumns(input, input.probability ?? defaultProbability[deal.stage]);
    const changes = changedFields(deal as Record<string, unknown>, next);
    const changedKeys = Object.keys(changes.after);
    if (changedKeys.length === 0) return { id: deal.id, version: deal.version };
    const [updated] = await tx
      .update(deals)
      .set({ ...next, version: sql`${deals.version} + 1` })
      .where(and(eq(deals.id, deal.id), eq(deals.version, input.version)))
      .returning({ version: deals.version });
    if (!updated) throw staleRecord('deal');
    await recordActivity(tx, {
      clientId: deal.clientId,
      kind: 'deal',
      subject: `Changed ${changedKeys.map((key) => dealFieldLabels[key] ?? key).join(', ')} of ${input.name}`,
      actorId: user.id,
    });
    await audit({ action: 'deal.updated', entityType: 'deal', entityId: deal.id, ...changes });
    return { id: deal.id, version: updated.version };
  },
});

export const moveDealCommand = defineAction({
  schema: moveDealSchema,
  permission: 'deals.write',
  async run(input, { tx, user, audit }) {
    const deal = await lockVisibleDeal(tx, user, input.dealId, input.version);
    const moved = await moveDealStage(tx, deal, input.stage, user.id, input.lostReason);
    await audit(stageChangeAudit(deal, moved));
    return { id: moved.id, version: moved.version, stage: moved.stage };
  },
});

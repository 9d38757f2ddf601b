import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { deals, type Deal } from '@/db/schema';
import { bulkCap, type BulkOutcome, type BulkSelection } from '@/lib/bulk';
import { checkStageMove } from '@/lib/deals';
import {
  bulkMoveDealsSchema,
  bulkReassignDealsSchema,
  dealListSchema,
} from '@/lib/validation/deals';
import { defineAction } from '@/server/action';
import type { CurrentUser } from '@/server/auth/session';
import { runBulk } from '@/server/bulk/run-bulk';
import { assertActiveUser, recordActivity } from '@/server/clients/records';
import { dealListWhere } from './list-query';
import { moveDealStage, stageChangeAudit } from './stage';
import { visibleDeals } from './visibility';

/** Locks the selected deals the user may see, in id order, and runs `change` on each as shown. */
async function eachDeal(
  tx: Transaction,
  user: CurrentUser,
  selection: BulkSelection,
  change: (deal: Deal) => Promise<BulkOutcome>,
) {
  const visibility = await visibleDeals(user);
  const where =
    selection.mode === 'rows'
      ? and(
          inArray(
            deals.id,
            selection.rows.map((row) => row.id),
          ),
          visibility,
        )
      : dealListWhere(visibility, dealListSchema.parse(selection.filter));
  const found = await tx
    .select()
    .from(deals)
    .where(where)
    .orderBy(asc(deals.id))
    .limit(bulkCap + 1)
    .for('update');
  return runBulk(selection, found, 'deals', change);
}

export const bulkMoveDealsCommand = defineAction({
  schema: bulkMoveDealsSchema,
  permission: 'deals.write',
  async run(input, { tx, user, audit }) {
    return eachDeal(tx, user, input.selection, async (deal) => {
      if (deal.stage === input.stage) return 'unchanged';
      if (!checkStageMove(deal.stage, input.stage, input.lostReason).ok) return 'invalid';
      const moved = await moveDealStage(tx, deal, input.stage, user.id, input.lostReason);
      await audit(stageChangeAudit(deal, moved, true));
      return 'changed';
    });
  },
});

export const bulkReassignDealsCommand = defineAction({
  schema: bulkReassignDealsSchema,
  permission: 'deals.write',
  async run(input, { tx, user, audit }) {
    const field = input.role === 'owner' ? 'ownerId' : 'coordinatorId';
    await assertActiveUser(tx, input.userId, 'userId');
    return eachDeal(tx, user, input.selection, async (deal) => {
      if (deal[field] === input.userId) return 'unchanged';
      await tx
        .update(deals)
        .set({ [field]: input.userId, version: sql`${deals.version} + 1` })
        .where(eq(deals.id, deal.id));
      await recordActivity(tx, {
        clientId: deal.clientId,
        kind: 'deal',
        subject: `Changed ${input.role} of ${deal.name}`,
        actorId: user.id,
      });
      await audit({
        action: 'deal.updated',
        entityType: 'deal',
        entityId: deal.id,
        before: { [field]: deal[field] },
        after: { [field]: input.userId, bulk: true },
      });
      return 'changed';
    });
  },
});

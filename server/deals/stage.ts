import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { dealStageChanges, deals, type Deal } from '@/db/schema';
import { checkStageMove, dealStageLabels, defaultProbability, type DealStage } from '@/lib/deals';
import { recordActivity } from '@/server/clients/records';
import { ActionError, notFound } from '@/server/errors';

/**
 * Moves a locked deal to `to` in the caller's transaction: checks the life cycle, resets the
 * probability to the stage default, records the stage change and a timeline entry. Returns the
 * updated deal. The caller has already checked permission and visibility.
 */
export async function moveDealStage(
  tx: Transaction,
  deal: Deal,
  to: DealStage,
  actorId: string | null,
  lostReason?: string | null,
): Promise<Deal> {
  const check = checkStageMove(deal.stage, to, lostReason);
  if (!check.ok) {
    throw new ActionError(check.reason, to === 'lost' ? { lostReason: [check.reason] } : undefined);
  }
  const closing = to === 'won' || to === 'lost';
  const [updated] = await tx
    .update(deals)
    .set({
      stage: to,
      probability: defaultProbability[to],
      lostReason: to === 'lost' ? (lostReason?.trim() ?? null) : null,
      stageChangedAt: new Date(),
      closedAt: closing ? new Date() : null,
      version: sql`${deals.version} + 1`,
    })
    .where(eq(deals.id, deal.id))
    .returning();
  if (!updated) throw notFound('deal');
  await tx
    .insert(dealStageChanges)
    .values({ dealId: deal.id, fromStage: deal.stage, toStage: to, actorId });
  await recordActivity(tx, {
    clientId: deal.clientId,
    kind: 'deal',
    subject: `${deal.name} moved from ${dealStageLabels[deal.stage]} to ${dealStageLabels[to]}`,
    body: to === 'lost' ? `Reason: ${lostReason?.trim()}` : null,
    actorId,
  });
  return updated;
}

const stageFields = (deal: Deal) => ({
  stage: deal.stage,
  probability: deal.probability,
  lostReason: deal.lostReason,
});

/** The audit entry of a stage move made by `moveDealStage`; a bulk move marks its `after`. */
export function stageChangeAudit(before: Deal, after: Deal, bulk = false) {
  return {
    action: 'deal.stage_changed',
    entityType: 'deal',
    entityId: before.id,
    before: stageFields(before),
    after: bulk ? { ...stageFields(after), bulk: true } : stageFields(after),
  } as const;
}

import { randomUUID } from 'node:crypto';
import { db } from '@/db/client';
import { deals } from '@/db/schema';
import { defaultProbability, type DealStage } from '@/lib/deals';

/**
 * A deal inserted directly, with its stage's default probability unless told otherwise; a won or
 * lost deal is closed `closedDaysAgo` days ago (today by default).
 */
export async function createDealRecord(
  clientId: string,
  overrides: Partial<typeof deals.$inferInsert> & {
    stage?: DealStage;
    closedDaysAgo?: number;
  } = {},
) {
  const { closedDaysAgo, ...values } = overrides;
  const stage = values.stage ?? 'lead';
  const closing = stage === 'won' || stage === 'lost';
  const [deal] = await db
    .insert(deals)
    .values({
      clientId,
      name: `Deal ${randomUUID().slice(0, 8)}`,
      probability: defaultProbability[stage],
      amountCents: 1_000_000,
      closedAt: closing ? new Date(Date.now() - (closedDaysAgo ?? 0) * 86_400_000) : null,
      lostReason: stage === 'lost' ? 'Budget cut' : null,
      ...values,
    })
    .returning();
  if (!deal) throw new Error('deal not created');
  return deal;
}

/** The fields of the new-deal form, as strings, the way a browser sends them. */
export function dealForm(clientId: string, overrides: Record<string, string> = {}) {
  return {
    clientId,
    name: `Form Deal ${randomUUID().slice(0, 8)}`,
    stage: 'lead',
    amount: '50,000',
    currency: 'USD',
    probability: '',
    expectedClose: '2027-03-31',
    ownerId: '',
    coordinatorId: '',
    ...overrides,
  };
}

/** The fields of the deal edit form for `deal`, as strings, with `overrides`. */
export function dealEditForm(
  deal: typeof deals.$inferSelect,
  overrides: Record<string, string> = {},
) {
  return {
    dealId: deal.id,
    version: String(deal.version),
    name: deal.name,
    amount: (deal.amountCents / 100).toFixed(2),
    currency: deal.currency,
    probability: String(deal.probability),
    expectedClose: deal.expectedClose ?? '',
    ownerId: deal.ownerId ?? '',
    coordinatorId: deal.coordinatorId ?? '',
    ...overrides,
  };
}

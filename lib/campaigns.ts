/** Campaigns: statuses, budget entry kinds and the budget arithmetic every screen and test agrees on. */

export const campaignStatuses = ['planned', 'running', 'done', 'cancelled'] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];

export const campaignStatusLabels: Record<CampaignStatus, string> = {
  planned: 'Planned',
  running: 'Running',
  done: 'Done',
  cancelled: 'Cancelled',
};

/** Committed: promised to a supplier (a quote, an order); spent: paid out (a receipt). */
export const budgetEntryKinds = ['committed', 'spent'] as const;
export type BudgetEntryKind = (typeof budgetEntryKinds)[number];

export const budgetEntryKindLabels: Record<BudgetEntryKind, string> = {
  committed: 'Committed',
  spent: 'Spent',
};

/** The shares of the plan at which the owner is told, lowest first. */
export const budgetAlertThresholds = [90, 100] as const;
export type BudgetAlertThreshold = (typeof budgetAlertThresholds)[number];

export type BudgetTotals = {
  plannedCents: number;
  committedCents: number;
  spentCents: number;
  /** Committed plus spent: what the campaign has used of its plan. */
  usedCents: number;
  /** Planned minus used; negative once over budget. */
  remainingCents: number;
  /** Used as a whole percentage of the plan, rounded down; null when nothing is planned. */
  percentUsed: number | null;
  overBudget: boolean;
};

/** The campaign's totals from its plan and the sums of its entries, all in minor units. */
export function budgetTotals(
  plannedCents: number,
  committedCents: number,
  spentCents: number,
): BudgetTotals {
  const usedCents = committedCents + spentCents;
  return {
    plannedCents,
    committedCents,
    spentCents,
    usedCents,
    remainingCents: plannedCents - usedCents,
    percentUsed: plannedCents > 0 ? Math.floor((usedCents * 100) / plannedCents) : null,
    overBudget: usedCents > plannedCents,
  };
}

/** The sums per kind of a campaign's entries. */
export function sumBudgetEntries(
  entries: readonly { kind: BudgetEntryKind; amountCents: number }[],
) {
  let committedCents = 0;
  let spentCents = 0;
  for (const entry of entries) {
    if (entry.kind === 'committed') committedCents += entry.amountCents;
    else spentCents += entry.amountCents;
  }
  return { committedCents, spentCents };
}

/**
 * The highest threshold `usedCents` has reached of `plannedCents` (0 for none). With nothing
 * planned, any use is past the plan. Compared in integers, so 90 % is exact to the cent.
 */
export function budgetLevel(plannedCents: number, usedCents: number): 0 | BudgetAlertThreshold {
  if (usedCents <= 0) return 0;
  let level: 0 | BudgetAlertThreshold = 0;
  for (const threshold of budgetAlertThresholds) {
    if (usedCents * 100 >= plannedCents * threshold) level = threshold;
  }
  return level;
}

/**
 * What a budget write does to the campaign's alert ledger: `alerted` is the highest threshold the
 * owner was already told of. A threshold newly reached is sent once (the highest one, when a
 * single entry passes both); when use falls back below a threshold (the plan raised, an entry
 * removed) the ledger comes down with it, so passing it again is told again.
 */
export function budgetAlert(
  alerted: number,
  plannedCents: number,
  usedCents: number,
): { level: 0 | BudgetAlertThreshold; notify: BudgetAlertThreshold | null } {
  const level = budgetLevel(plannedCents, usedCents);
  return { level, notify: level !== 0 && level > alerted ? level : null };
}

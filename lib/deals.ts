export const dealStages = ['lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost'] as const;
export type DealStage = (typeof dealStages)[number];

export const openDealStages = ['lead', 'qualified', 'proposal', 'negotiation'] as const;
export const closedDealStages = ['won', 'lost'] as const;

export const dealStageLabels: Record<DealStage, string> = {
  lead: 'Lead',
  qualified: 'Qualified',
  proposal: 'Proposal',
  negotiation: 'Negotiation',
  won: 'Won',
  lost: 'Lost',
};

/** The probability a deal gets when it enters a stage, unless someone sets their own. */
export const defaultProbability: Record<DealStage, number> = {
  lead: 10,
  qualified: 25,
  proposal: 50,
  negotiation: 75,
  won: 100,
  lost: 0,
};

export function isClosedStage(stage: DealStage): boolean {
  return stage === 'won' || stage === 'lost';
}

export type StageMoveCheck = { ok: true } | { ok: false; reason: string };

/**
 * The deal life cycle (DESIGN.md): an open deal may move to any other stage, as people do on a
 * board; a closed deal may only be reopened into an open stage (won ↔ lost directly would hide the
 * reopening); moving to `lost` needs a reason.
 */
export function checkStageMove(
  from: DealStage,
  to: DealStage,
  lostReason?: string | null,
): StageMoveCheck {
  if (from === to) return { ok: false, reason: `The deal is already in ${dealStageLabels[to]}.` };
  if (isClosedStage(from) && isClosedStage(to)) {
    return {
      ok: false,
      reason: `A ${dealStageLabels[from].toLowerCase()} deal must be reopened before it is marked ${dealStageLabels[to].toLowerCase()}.`,
    };
  }
  if (to === 'lost' && !lostReason?.trim()) {
    return { ok: false, reason: 'Say why the deal was lost.' };
  }
  return { ok: true };
}

/** Weighted value of a deal: amount × probability, in minor units. */
export function weightedAmount(amountCents: number, probability: number): number {
  return Math.round((amountCents * probability) / 100);
}

/** Won and lost deals stay on the board and in the stage totals this many days after closing. */
export const recentlyClosedDays = 90;

import { describe, expect, it } from 'vitest';
import {
  checkStageMove,
  closedDealStages,
  dealStages,
  defaultProbability,
  openDealStages,
  weightedAmount,
  type DealStage,
} from '@/lib/deals';

const pairs = dealStages.flatMap((from) => dealStages.map((to) => [from, to] as const));
const isOpen = (stage: DealStage) => (openDealStages as readonly DealStage[]).includes(stage);

describe('checkStageMove', () => {
  it.each(
    pairs.filter(([from, to]) => from !== to && to !== 'lost' && (isOpen(from) || isOpen(to))),
  )('allows %s → %s', (from, to) => {
    expect(checkStageMove(from, to)).toEqual({ ok: true });
  });

  it.each(openDealStages)('allows %s → lost with a reason', (from) => {
    expect(checkStageMove(from, 'lost', 'Went with a cheaper agency')).toEqual({ ok: true });
  });

  it.each(openDealStages)('refuses %s → lost without a reason, or with only spaces', (from) => {
    expect(checkStageMove(from, 'lost')).toEqual({
      ok: false,
      reason: 'Say why the deal was lost.',
    });
    expect(checkStageMove(from, 'lost', null)).toMatchObject({ ok: false });
    expect(checkStageMove(from, 'lost', '   ')).toMatchObject({ ok: false });
  });

  it.each(dealStages)('refuses %s → %s (no move at all)', (stage) => {
    expect(checkStageMove(stage, stage, 'reason')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('already in'),
    });
  });

  it('refuses closed → closed in both directions, even with a reason', () => {
    expect(checkStageMove('won', 'lost', 'Client went bust')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('reopened'),
    });
    expect(checkStageMove('lost', 'won')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('reopened'),
    });
  });

  it.each(closedDealStages.flatMap((from) => openDealStages.map((to) => [from, to] as const)))(
    'reopens %s → %s',
    (from, to) => {
      expect(checkStageMove(from, to)).toEqual({ ok: true });
    },
  );

  it('covers every pair of stages', () => {
    const allowed = pairs.filter(([from, to]) => checkStageMove(from, to, 'reason').ok);
    // 4 open stages × 5 other stages + 2 closed stages × 4 open stages.
    expect(allowed).toHaveLength(4 * 5 + 2 * 4);
  });
});

describe('weightedAmount', () => {
  it('is amount × probability in minor units', () => {
    expect(weightedAmount(10_000_00, 25)).toBe(2_500_00);
    expect(weightedAmount(10_000_00, 100)).toBe(10_000_00);
    expect(weightedAmount(10_000_00, 0)).toBe(0);
  });

  it('rounds to whole cents', () => {
    expect(weightedAmount(333, 50)).toBe(167);
    expect(weightedAmount(1, 10)).toBe(0);
  });

  it('uses the stage defaults as a forecast would', () => {
    expect(dealStages.map((stage) => weightedAmount(1000, defaultProbability[stage]))).toEqual([
      100, 250, 500, 750, 1000, 0,
    ]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  budgetAlert,
  budgetLevel,
  budgetTotals,
  sumBudgetEntries,
  type BudgetEntryKind,
} from '@/lib/campaigns';
import { addBudgetEntrySchema, updateCampaignSchema } from '@/lib/validation/campaigns';

const cents = fc.integer({ min: 0, max: 10_000_000_000 });
const entry = fc.record({
  kind: fc.constantFrom<BudgetEntryKind>('committed', 'spent'),
  amountCents: fc.integer({ min: 1, max: 100_000_000 }),
});

describe('budget totals', () => {
  it('adds committed and spent, and takes them off the plan', () => {
    expect(budgetTotals(100_000, 30_000, 20_000)).toEqual({
      plannedCents: 100_000,
      committedCents: 30_000,
      spentCents: 20_000,
      usedCents: 50_000,
      remainingCents: 50_000,
      percentUsed: 50,
      overBudget: false,
    });
  });

  it('goes negative and warns once committed plus spent passes the plan, not when it meets it', () => {
    expect(budgetTotals(100_000, 60_000, 40_000)).toMatchObject({
      remainingCents: 0,
      percentUsed: 100,
      overBudget: false,
    });
    expect(budgetTotals(100_000, 60_000, 40_001)).toMatchObject({
      remainingCents: -1,
      percentUsed: 100,
      overBudget: true,
    });
  });

  it('has no share of an empty plan, and any use of it is over budget', () => {
    expect(budgetTotals(0, 0, 0)).toMatchObject({ percentUsed: null, overBudget: false });
    expect(budgetTotals(0, 1, 0)).toMatchObject({ percentUsed: null, overBudget: true });
  });

  it('always balances: remaining + committed + spent = planned, in whole cents', () => {
    fc.assert(
      fc.property(cents, cents, cents, (planned, committed, spent) => {
        const totals = budgetTotals(planned, committed, spent);
        expect(totals.remainingCents + totals.committedCents + totals.spentCents).toBe(planned);
        expect(Number.isInteger(totals.remainingCents)).toBe(true);
        expect(totals.overBudget).toBe(totals.remainingCents < 0);
        if (totals.percentUsed !== null) {
          expect(totals.percentUsed * planned).toBeLessThanOrEqual(totals.usedCents * 100);
        }
      }),
    );
  });

  it('sums entries per kind whatever their order', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 50 }), (entries) => {
        const sums = sumBudgetEntries(entries);
        const reversed = sumBudgetEntries([...entries].reverse());
        expect(sums).toEqual(reversed);
        expect(sums.committedCents + sums.spentCents).toBe(
          entries.reduce((total, item) => total + item.amountCents, 0),
        );
      }),
    );
  });
});

describe('budget thresholds', () => {
  it('reaches 90 % and 100 % exactly to the cent', () => {
    expect(budgetLevel(100_000, 89_999)).toBe(0);
    expect(budgetLevel(100_000, 90_000)).toBe(90);
    expect(budgetLevel(100_000, 99_999)).toBe(90);
    expect(budgetLevel(100_000, 100_000)).toBe(100);
    expect(budgetLevel(0, 0)).toBe(0);
    expect(budgetLevel(0, 1)).toBe(100);
  });

  it('tells each threshold once, and only the highest when one entry passes both', () => {
    expect(budgetAlert(0, 100_000, 95_000)).toEqual({ level: 90, notify: 90 });
    expect(budgetAlert(90, 100_000, 97_000)).toEqual({ level: 90, notify: null });
    expect(budgetAlert(90, 100_000, 120_000)).toEqual({ level: 100, notify: 100 });
    expect(budgetAlert(100, 100_000, 130_000)).toEqual({ level: 100, notify: null });
    expect(budgetAlert(0, 100_000, 150_000)).toEqual({ level: 100, notify: 100 });
  });

  it('comes down when the plan is raised, so passing it again is told again', () => {
    const raised = budgetAlert(100, 200_000, 120_000);
    expect(raised).toEqual({ level: 0, notify: null });
    expect(budgetAlert(raised.level, 200_000, 185_000)).toEqual({ level: 90, notify: 90 });
  });

  it('never tells a threshold already told, never skips one newly reached', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(0, 90, 100),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 2_000_000 }),
        (alerted, planned, used) => {
          const { level, notify } = budgetAlert(alerted, planned, used);
          expect(level).toBe(budgetLevel(planned, used));
          if (notify !== null) expect(notify).toBeGreaterThan(alerted);
          expect(notify === null).toBe(level <= alerted);
        },
      ),
    );
  });
});

describe('campaign validation', () => {
  const entryForm = {
    campaignId: '00000000-0000-4000-8000-000000000000',
    kind: 'spent',
    amount: '120.50',
    entryDate: '2026-05-01',
  };

  it('reads amounts as cents and refuses zero, negative and malformed amounts', () => {
    expect(addBudgetEntrySchema.parse(entryForm).amount).toBe(12_050);
    for (const amount of ['0', '-5', '12.345', 'ten', '']) {
      const result = addBudgetEntrySchema.safeParse({ ...entryForm, amount });
      expect(result.success).toBe(false);
    }
  });

  it('refuses an end before the start', () => {
    const result = updateCampaignSchema.safeParse({
      id: entryForm.campaignId,
      version: '1',
      name: 'Spring launch',
      status: 'planned',
      currency: 'USD',
      budgetPlanned: '1000',
      startDate: '2026-05-02',
      endDate: '2026-05-01',
    });
    expect(result.success).toBe(false);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  agingBucketFor,
  computeInvoiceTotals,
  divideRounded,
  formatDocumentNumber,
  lineAmountCents,
  settledStatus,
  type InvoiceLineInput,
  type TaxMode,
} from '@/lib/invoices';

const rates = [
  { taxRateName: 'Standard', taxRateBasisPoints: 2000 },
  { taxRateName: 'Reduced', taxRateBasisPoints: 550 },
  { taxRateName: 'Zero', taxRateBasisPoints: 0 },
];

const line = fc.record({
  quantityMilli: fc.integer({ min: 1, max: 9_999_999_999 }),
  unitPriceCents: fc.integer({ min: 0, max: 100_000_000 }),
  discountBasisPoints: fc.integer({ min: 0, max: 10_000 }),
  rate: fc.constantFrom(...rates),
});
const lines = fc
  .array(line, { maxLength: 30 })
  .map((drawn): InvoiceLineInput[] => drawn.map(({ rate, ...rest }) => ({ ...rest, ...rate })));
const mode = fc.record({
  rounding: fc.constantFrom('line' as const, 'total' as const),
  pricesIncludeTax: fc.boolean(),
});

describe('divideRounded', () => {
  it('rounds halves away from zero', () => {
    expect(divideRounded(5n, 2n)).toBe(3n);
    expect(divideRounded(-5n, 2n)).toBe(-3n);
    expect(divideRounded(7n, 3n)).toBe(2n);
    expect(divideRounded(-7n, 3n)).toBe(-2n);
    expect(divideRounded(249n, 100n)).toBe(2n);
  });

  it('is never more than half a unit away from the exact quotient', () => {
    fc.assert(
      fc.property(fc.bigInt(-(10n ** 20n), 10n ** 20n), fc.bigInt(1n, 10n ** 9n), (n, d) => {
        const q = divideRounded(n, d);
        const error = q * d - n;
        expect(2n * (error < 0n ? -error : error) <= d).toBe(true);
      }),
    );
  });
});

describe('lineAmountCents', () => {
  it('rounds the line once, half away from zero, after the discount', () => {
    expect(
      lineAmountCents({ quantityMilli: 1500, unitPriceCents: 3333, discountBasisPoints: 0 }),
    ).toBe(5000); // 49.995 → 50.00
    expect(
      lineAmountCents({ quantityMilli: 3000, unitPriceCents: 3333, discountBasisPoints: 1000 }),
    ).toBe(8999); // 89.991 → 89.99
  });
});

describe('computeInvoiceTotals', () => {
  it('adds the lines up to the totals to the cent, in every tax mode', () => {
    fc.assert(
      fc.property(lines, mode, (drawn, taxMode: TaxMode) => {
        const totals = computeInvoiceTotals(drawn, taxMode);
        const lineSum = totals.lineAmounts.reduce((sum, amount) => sum + amount, 0);
        expect(totals.totalCents).toBe(totals.subtotalCents + totals.taxCents);
        // Exclusive: lines are net. Inclusive: lines are gross, so they are the total itself.
        expect(taxMode.pricesIncludeTax ? totals.totalCents : totals.subtotalCents).toBe(lineSum);
        const summary = totals.taxSummary;
        expect(summary.reduce((sum, row) => sum + row.netCents + row.taxCents, 0)).toBe(
          totals.totalCents,
        );
        for (const amount of totals.lineAmounts) expect(Number.isSafeInteger(amount)).toBe(true);
      }),
    );
  });

  it('puts each rate once in the tax summary, with the net of its lines', () => {
    fc.assert(
      fc.property(lines, mode, (drawn, taxMode: TaxMode) => {
        const totals = computeInvoiceTotals(drawn, taxMode);
        const names = totals.taxSummary.map((row) => row.taxRateName);
        expect(new Set(names).size).toBe(names.length);
        expect(new Set(names)).toEqual(new Set(drawn.map((entry) => entry.taxRateName)));
        for (const row of totals.taxSummary) {
          const exact = (row.netCents * row.taxRateBasisPoints) / 10_000;
          if (taxMode.rounding === 'total' && !taxMode.pricesIncludeTax) {
            expect(Math.abs(row.taxCents - exact)).toBeLessThanOrEqual(0.5);
          }
        }
      }),
    );
  });

  it('rounds tax per line or once on the total as the setting says', () => {
    const three = [1, 2, 3].map(() => ({
      quantityMilli: 1000,
      unitPriceCents: 5,
      discountBasisPoints: 0,
      taxRateName: 'Standard',
      taxRateBasisPoints: 2000,
    }));
    // Each 0.05 carries 0.01 tax; 0.15 carries 0.03 on the total as well.
    expect(
      computeInvoiceTotals(three, { rounding: 'line', pricesIncludeTax: false }).taxCents,
    ).toBe(3);
    const seven = [1, 2, 3].map(() => ({ ...three[0]!, unitPriceCents: 7 }));
    // 0.07 × 20 % = 0.014 → 0.01 a line (0.03), but 0.21 × 20 % = 0.042 → 0.04 on the total.
    expect(
      computeInvoiceTotals(seven, { rounding: 'line', pricesIncludeTax: false }).taxCents,
    ).toBe(3);
    expect(
      computeInvoiceTotals(seven, { rounding: 'total', pricesIncludeTax: false }).taxCents,
    ).toBe(4);
  });

  it('takes the tax out of inclusive prices', () => {
    const totals = computeInvoiceTotals(
      [
        {
          quantityMilli: 1000,
          unitPriceCents: 12_000,
          discountBasisPoints: 0,
          taxRateName: 'Standard',
          taxRateBasisPoints: 2000,
        },
      ],
      { rounding: 'line', pricesIncludeTax: true },
    );
    expect(totals).toMatchObject({ subtotalCents: 10_000, taxCents: 2000, totalCents: 12_000 });
  });
});

describe('settledStatus', () => {
  const base = { totalCents: 10_000, paidCents: 0, creditedCents: 0, dueDate: '2026-03-31' };
  it('follows the ledgers and the due date', () => {
    expect(settledStatus({ ...base, today: '2026-03-01' })).toBe('issued');
    expect(settledStatus({ ...base, paidCents: 4000, today: '2026-03-01' })).toBe('partially_paid');
    expect(settledStatus({ ...base, paidCents: 4000, today: '2026-04-01' })).toBe('overdue');
    expect(settledStatus({ ...base, paidCents: 10_000, today: '2026-04-01' })).toBe('paid');
    expect(settledStatus({ ...base, creditedCents: 10_000, today: '2026-03-01' })).toBe('credited');
    expect(
      settledStatus({ ...base, paidCents: 6000, creditedCents: 4000, today: '2026-03-01' }),
    ).toBe('paid');
  });
});

describe('numbers and aging', () => {
  it('pads the sequence under the prefix and year', () => {
    expect(formatDocumentNumber('INV', 2026, 42)).toBe('INV-2026-00042');
    expect(formatDocumentNumber('CN', 2027, 123_456)).toBe('CN-2027-123456');
  });

  it('puts a balance in its aging column by days past due', () => {
    expect(agingBucketFor('2026-03-31', '2026-03-31')).toBe('current');
    expect(agingBucketFor('2026-03-31', '2026-04-01')).toBe('days1to30');
    expect(agingBucketFor('2026-03-01', '2026-03-31')).toBe('days1to30');
    expect(agingBucketFor('2026-03-01', '2026-04-01')).toBe('days31to60');
    expect(agingBucketFor('2026-01-01', '2026-03-31')).toBe('days61to90');
    expect(agingBucketFor('2025-12-01', '2026-03-31')).toBe('over90');
  });
});

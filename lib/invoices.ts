import { numberFormat } from './format';

/** Invoices: statuses, money arithmetic and the totals every screen, PDF and test agrees on. */

export const invoiceStatuses = [
  'draft',
  'issued',
  'partially_paid',
  'overdue',
  'paid',
  'credited',
  'void',
] as const;
export type InvoiceStatus = (typeof invoiceStatuses)[number];

export const invoiceStatusLabels: Record<InvoiceStatus, string> = {
  draft: 'Draft',
  issued: 'Issued',
  partially_paid: 'Partially paid',
  overdue: 'Overdue',
  paid: 'Paid',
  credited: 'Credited',
  void: 'Void',
};

/** Statuses with money still owed: what payments, credit notes and the aging report look at. */
export const openInvoiceStatuses = ['issued', 'partially_paid', 'overdue'] as const;

export const paymentMethods = ['bank_transfer', 'card', 'cash', 'cheque', 'other'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];
export const paymentMethodLabels: Record<PaymentMethod, string> = {
  bank_transfer: 'Bank transfer',
  card: 'Card',
  cash: 'Cash',
  cheque: 'Cheque',
  other: 'Other',
};

export const invoiceSeries = ['invoice', 'credit_note'] as const;
export type InvoiceSeries = (typeof invoiceSeries)[number];

export const taxRoundings = ['line', 'total'] as const;
/** `line`: each line's tax is rounded and summed; `total`: tax is rounded once per rate. */
export type TaxRounding = (typeof taxRoundings)[number];

export type TaxRate = { name: string; rateBasisPoints: number };

export type InvoiceLineInput = {
  /** Thousandths of a unit: quantities have up to three decimals. */
  quantityMilli: number;
  unitPriceCents: number;
  /** Discount off the line, in basis points (1500 = 15 %). */
  discountBasisPoints: number;
  taxRateName: string;
  taxRateBasisPoints: number;
};

export type TaxMode = { rounding: TaxRounding; pricesIncludeTax: boolean };

export type TaxSummaryRow = {
  taxRateName: string;
  taxRateBasisPoints: number;
  netCents: number;
  taxCents: number;
};

export type InvoiceTotals = {
  /** Each line's amount, rounded once: net when prices exclude tax, gross when they include it. */
  lineAmounts: number[];
  taxSummary: TaxSummaryRow[];
  subtotalCents: number;
  taxCents: number;
  totalCents: number;
};

/** `numerator / denominator` rounded half away from zero, exactly (BigInt: no float drift). */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (2n * n + d) / (2n * d);
  return negative ? -quotient : quotient;
}

/** A line's amount: quantity × unit price less the discount, rounded once. */
export function lineAmountCents(
  line: Omit<InvoiceLineInput, 'taxRateName' | 'taxRateBasisPoints'>,
) {
  return Number(
    divideRounded(
      BigInt(line.quantityMilli) *
        BigInt(line.unitPriceCents) *
        BigInt(10_000 - line.discountBasisPoints),
      1000n * 10_000n,
    ),
  );
}

/** The tax in `amount`: on top of it when prices exclude tax, inside it when they include it. */
function taxOf(amountCents: number, rateBasisPoints: number, pricesIncludeTax: boolean) {
  const amount = BigInt(amountCents);
  const rate = BigInt(rateBasisPoints);
  return Number(
    pricesIncludeTax
      ? divideRounded(amount * rate, 10_000n + rate)
      : divideRounded(amount * rate, 10_000n),
  );
}

/**
 * Totals of an invoice's lines. Per rate, net plus tax is exactly what the lines add up to
 * (gross when prices include tax), and the totals are the sums of the rows, so the document
 * always adds up to the cent.
 */
export function computeInvoiceTotals(lines: InvoiceLineInput[], mode: TaxMode): InvoiceTotals {
  const lineAmounts = lines.map(lineAmountCents);
  const byRate = new Map<string, TaxSummaryRow & { amountCents: number }>();
  lines.forEach((line, index) => {
    const key = `${line.taxRateName}\u0000${line.taxRateBasisPoints}`;
    const row = byRate.get(key) ?? {
      taxRateName: line.taxRateName,
      taxRateBasisPoints: line.taxRateBasisPoints,
      amountCents: 0,
      netCents: 0,
      taxCents: 0,
    };
    const amount = lineAmounts[index] ?? 0;
    row.amountCents += amount;
    if (mode.rounding === 'line') {
      row.taxCents += taxOf(amount, line.taxRateBasisPoints, mode.pricesIncludeTax);
    }
    byRate.set(key, row);
  });
  const taxSummary: TaxSummaryRow[] = [...byRate.values()]
    .map(({ amountCents, ...row }) => {
      const taxCents =
        mode.rounding === 'total'
          ? taxOf(amountCents, row.taxRateBasisPoints, mode.pricesIncludeTax)
          : row.taxCents;
      const netCents = mode.pricesIncludeTax ? amountCents - taxCents : amountCents;
      return { ...row, netCents, taxCents };
    })
    .sort((a, b) => a.taxRateBasisPoints - b.taxRateBasisPoints);
  const subtotalCents = taxSummary.reduce((sum, row) => sum + row.netCents, 0);
  const taxCents = taxSummary.reduce((sum, row) => sum + row.taxCents, 0);
  return { lineAmounts, taxSummary, subtotalCents, taxCents, totalCents: subtotalCents + taxCents };
}

/** What is still owed: the total less what the payments and credit notes ledgers hold. */
export function invoiceBalance(totalCents: number, paidCents: number, creditedCents: number) {
  return totalCents - paidCents - creditedCents;
}

/**
 * The status of an issued invoice from its ledgers and the date: settled when nothing is owed
 * (credited when a credit note, not a payment, settled it), overdue once past due, otherwise
 * issued or partially paid.
 */
export function settledStatus(input: {
  totalCents: number;
  paidCents: number;
  creditedCents: number;
  dueDate: string;
  today: string;
}): InvoiceStatus {
  const balance = invoiceBalance(input.totalCents, input.paidCents, input.creditedCents);
  if (balance <= 0) return input.paidCents > 0 ? 'paid' : 'credited';
  if (input.dueDate < input.today) return 'overdue';
  return input.paidCents > 0 || input.creditedCents > 0 ? 'partially_paid' : 'issued';
}

/** A series' document number, e.g. `INV-2026-00042`. */
export function formatDocumentNumber(prefix: string, year: number, sequence: number) {
  return `${prefix}-${year}-${String(sequence).padStart(5, '0')}`;
}

/** A calendar date (YYYY-MM-DD) `days` after `date`. */
export function addDays(date: string, days: number) {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (calendar dates). */
export function daysBetween(from: string, to: string) {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export const agingBuckets = ['current', 'days1to30', 'days31to60', 'days61to90', 'over90'] as const;
export type AgingBucket = (typeof agingBuckets)[number];
export const agingBucketLabels: Record<AgingBucket, string> = {
  current: 'Current',
  days1to30: '1–30 days',
  days31to60: '31–60 days',
  days61to90: '61–90 days',
  over90: 'Over 90 days',
};

/** Which aging column a balance due on `dueDate` falls in, as of `asOf`. */
export function agingBucketFor(dueDate: string, asOf: string): AgingBucket {
  const late = daysBetween(dueDate, asOf);
  if (late <= 0) return 'current';
  if (late <= 30) return 'days1to30';
  if (late <= 60) return 'days31to60';
  if (late <= 90) return 'days61to90';
  return 'over90';
}

/** "1.5" → 1500 thousandths, for display and forms. */
export function formatQuantity(quantityMilli: number, locale: string) {
  return numberFormat(locale, { maximumFractionDigits: 3 }).format(quantityMilli / 1000);
}

/** 2000 basis points → "20 %" in the viewer's locale. */
export function formatRate(basisPoints: number, locale: string) {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(
    basisPoints / 10_000,
  );
}

import 'server-only';
import { and, gte, lte, ne, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { invoiceIssuedDays, invoices } from '@/db/schema';
import { agingBucketLabels, agingBuckets } from '@/lib/invoices';
import {
  chartCurrency,
  daysSalesOutstanding,
  type ReportColumn,
  type ReportResult,
  type ReportRow,
} from '@/lib/report-catalog';
import { todayUtc } from '@/server/invoices/commands';
import { getAgingTotals } from '@/server/invoices/queries';
import { throughAccounts, type ReportContext } from './context';

/**
 * What was invoiced in the range per currency: issued invoices, void ones left out. The whole
 * team's is read from its rollup, a row per currency and day.
 */
export function invoicedQuery(context: ReportContext) {
  const accounts = throughAccounts(context, invoices.clientId);
  if (accounts === undefined) {
    return db
      .select({
        currency: invoiceIssuedDays.currency,
        invoicedCents: sql<number>`coalesce(sum(${invoiceIssuedDays.totalCents}), 0)`.mapWith(
          Number,
        ),
      })
      .from(invoiceIssuedDays)
      .where(
        and(
          gte(invoiceIssuedDays.day, context.range.from),
          lte(invoiceIssuedDays.day, context.range.to),
        ),
      )
      .groupBy(invoiceIssuedDays.currency);
  }
  return db
    .select({
      currency: invoices.currency,
      invoicedCents: sql<number>`coalesce(sum(${invoices.totalCents}), 0)`.mapWith(Number),
    })
    .from(invoices)
    .where(
      and(
        gte(invoices.issueDate, context.range.from),
        lte(invoices.issueDate, context.range.to),
        ne(invoices.status, 'void'),
        ne(invoices.status, 'draft'),
        accounts,
      ),
    )
    .groupBy(invoices.currency);
}

function rangeDays(context: ReportContext) {
  return (
    Math.round((Date.parse(context.range.to) - Date.parse(context.range.from)) / 86_400_000) + 1
  );
}

export async function invoiceAgingReport(context: ReportContext): Promise<ReportResult> {
  const [aging, invoiced] = await Promise.all([
    getAgingTotals(
      context.viewer,
      context.range.to,
      throughAccounts(context, invoices.clientId),
      todayUtc(context.now),
    ),
    invoicedQuery(context),
  ]);
  const currencies = [
    ...new Set([...aging.map((total) => total.currency), ...invoiced.map((row) => row.currency)]),
  ].sort();
  const search = new URLSearchParams();
  if (context.filters.client) search.set('client', context.filters.client);
  const overdue = new URLSearchParams(search);
  overdue.set('overdue', '1');
  const overdueHref = `/invoices?${overdue.toString()}`;
  const rows: ReportRow[] = currencies.map((currency) => {
    const owed = aging.find((total) => total.currency === currency)?.amounts;
    const invoicedCents = invoiced.find((row) => row.currency === currency)?.invoicedCents ?? 0;
    const totalOwed = owed?.total ?? 0;
    const cells: ReportRow['cells'] = { currency };
    for (const bucket of agingBuckets) cells[bucket] = owed?.[bucket] ?? 0;
    cells.total = totalOwed;
    cells.invoiced = invoicedCents;
    cells.dso = daysSalesOutstanding(totalOwed, invoicedCents, rangeDays(context));
    const links: Record<string, string> = { currency: `/invoices/aging?asOf=${context.range.to}` };
    for (const bucket of agingBuckets) if (bucket !== 'current') links[bucket] = overdueHref;
    return { key: currency, currency, cells, links };
  });
  const columns: ReportColumn[] = [
    { key: 'currency', label: 'Currency', kind: 'text' },
    ...agingBuckets.map((bucket) => ({
      key: bucket,
      label: agingBucketLabels[bucket],
      kind: 'money' as const,
    })),
    { key: 'total', label: 'Owed', kind: 'money' },
    { key: 'invoiced', label: 'Invoiced in period', kind: 'money' },
    { key: 'dso', label: 'DSO', kind: 'days' },
  ];
  return {
    columns,
    rows,
    chart: {
      labelColumn: 'currency',
      barColumns: [...agingBuckets],
      currency: chartCurrency(rows),
    },
    notes: [
      `Owed as of ${context.range.to}. DSO is what is owed then over what was invoiced in the period, times its ${rangeDays(context)} days.`,
    ],
  };
}

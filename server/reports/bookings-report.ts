import 'server-only';
import { and, count, eq, gte, isNotNull, lt, lte, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { contracts, deals } from '@/db/schema';
import { chartCurrency, type ReportResult, type ReportRow } from '@/lib/report-catalog';
import { monthsOf } from '@/lib/report-ranges';
import {
  dealsInReport,
  filterQuery,
  firstColumn,
  monthIn,
  monthLabel,
  throughAccounts,
  type ReportContext,
} from './context';

/** Won deals per viewer's month and currency, by when they closed. */
export function wonDealsQuery(context: ReportContext) {
  const month = monthIn(context, deals.closedAt);
  return db
    .select({
      month,
      currency: deals.currency,
      count: count(),
      amountCents: sql<number>`coalesce(sum(${deals.amountCents}), 0)`.mapWith(Number),
    })
    .from(deals)
    .where(
      and(
        eq(deals.stage, 'won'),
        gte(deals.closedAt, context.range.start),
        lt(deals.closedAt, context.range.end),
        dealsInReport(context),
      ),
    )
    .groupBy(firstColumn, deals.currency);
}

/** Contract value signed per month and currency, by the date it was signed on. */
export function signedContractsQuery(context: ReportContext) {
  const month = sql<string>`to_char(date_trunc('month', ${contracts.signedOn}), 'YYYY-MM-DD')`;
  return db
    .select({
      month,
      currency: contracts.currency,
      valueCents: sql<number>`coalesce(sum(${contracts.valueCents}), 0)`.mapWith(Number),
    })
    .from(contracts)
    .where(
      and(
        isNotNull(contracts.signedOn),
        gte(contracts.signedOn, context.range.from),
        lte(contracts.signedOn, context.range.to),
        throughAccounts(context, contracts.clientId),
      ),
    )
    .groupBy(month, contracts.currency);
}

export async function bookingsReport(context: ReportContext): Promise<ReportResult> {
  const [won, signed] = await Promise.all([wonDealsQuery(context), signedContractsQuery(context)]);
  const currencies = [...new Set([...won, ...signed].map((figure) => figure.currency))].sort();
  const rows: ReportRow[] = [];
  for (const month of monthsOf(context.range, context.viewer.timeZone)) {
    const firstDay = `${month.from.slice(0, 7)}-01`;
    for (const currency of currencies) {
      const deal = won.find((figure) => figure.month === firstDay && figure.currency === currency);
      const contract = signed.find(
        (figure) => figure.month === firstDay && figure.currency === currency,
      );
      const search = filterQuery(context);
      search.set('stage', 'won');
      search.set('closedFrom', month.start.toISOString());
      search.set('closedTo', month.end.toISOString());
      const href = `/pipeline?${search.toString()}`;
      rows.push({
        key: `${firstDay}:${currency}`,
        currency,
        cells: {
          month: monthLabel(firstDay, context.viewer.locale),
          currency,
          wonDeals: deal?.count ?? 0,
          wonAmount: deal?.amountCents ?? 0,
          contractValue: contract?.valueCents ?? 0,
        },
        links: { month: href, wonDeals: href, wonAmount: href },
      });
    }
  }
  for (const currency of currencies) {
    const ofCurrency = rows.filter((row) => row.currency === currency);
    const sum = (key: string) =>
      ofCurrency.reduce((total, row) => total + Number(row.cells[key]), 0);
    rows.push({
      key: `total:${currency}`,
      currency,
      total: true,
      cells: {
        month: 'Total',
        currency,
        wonDeals: sum('wonDeals'),
        wonAmount: sum('wonAmount'),
        contractValue: sum('contractValue'),
      },
      links: {},
    });
  }
  return {
    columns: [
      { key: 'month', label: 'Month', kind: 'text' },
      { key: 'currency', label: 'Currency', kind: 'text' },
      { key: 'wonDeals', label: 'Deals won', kind: 'count' },
      { key: 'wonAmount', label: 'Won amount', kind: 'money' },
      { key: 'contractValue', label: 'Contract value signed', kind: 'money' },
    ],
    rows,
    chart: {
      labelColumn: 'month',
      barColumns: ['wonAmount', 'contractValue'],
      currency: chartCurrency(rows),
    },
    notes: [],
  };
}

import 'server-only';
import { and, count, gte, inArray, lt, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { deals } from '@/db/schema';
import { winRate, type ReportResult, type ReportRow } from '@/lib/report-catalog';
import { monthsOf } from '@/lib/report-ranges';
import {
  dealsInReport,
  filterQuery,
  firstColumn,
  monthIn,
  monthLabel,
  type ReportContext,
} from './context';

const cycleDays = sql`extract(epoch from (${deals.closedAt} - ${deals.createdAt})) / 86400`;

/** Deals closed per viewer's month: won, lost, and the summed sales cycle of the won ones. */
export function closedDealsQuery(context: ReportContext) {
  const month = monthIn(context, deals.closedAt);
  return db
    .select({
      month,
      won: sql<number>`count(*) filter (where ${deals.stage} = 'won')`.mapWith(Number),
      lost: sql<number>`count(*) filter (where ${deals.stage} = 'lost')`.mapWith(Number),
      wonCycleDays:
        sql<number>`coalesce(sum(${cycleDays}) filter (where ${deals.stage} = 'won'), 0)`.mapWith(
          Number,
        ),
      closed: count(),
    })
    .from(deals)
    .where(
      and(
        inArray(deals.stage, ['won', 'lost']),
        gte(deals.closedAt, context.range.start),
        lt(deals.closedAt, context.range.end),
        dealsInReport(context),
      ),
    )
    .groupBy(firstColumn);
}

function cells(label: string, won: number, lost: number, wonCycleDays: number) {
  return {
    month: label,
    won,
    lost,
    winRate: winRate(won, lost),
    cycleDays: won === 0 ? null : wonCycleDays / won,
  };
}

export async function winRateReport(context: ReportContext): Promise<ReportResult> {
  const figures = await closedDealsQuery(context);
  const rows: ReportRow[] = monthsOf(context.range, context.viewer.timeZone).map((month) => {
    const firstDay = `${month.from.slice(0, 7)}-01`;
    const figure = figures.find((row) => row.month === firstDay);
    const link = (stage: string) => {
      const search = filterQuery(context);
      search.set('stage', stage);
      search.set('closedFrom', month.start.toISOString());
      search.set('closedTo', month.end.toISOString());
      return `/pipeline?${search.toString()}`;
    };
    return {
      key: firstDay,
      currency: null,
      cells: cells(
        monthLabel(firstDay, context.viewer.locale),
        figure?.won ?? 0,
        figure?.lost ?? 0,
        figure?.wonCycleDays ?? 0,
      ),
      links: {
        month: link('won,lost'),
        won: link('won'),
        lost: link('lost'),
        cycleDays: link('won'),
      },
    };
  });
  const sum = (key: 'won' | 'lost' | 'wonCycleDays') =>
    figures.reduce((total, figure) => total + figure[key], 0);
  rows.push({
    key: 'total',
    currency: null,
    total: true,
    cells: cells('Total', sum('won'), sum('lost'), sum('wonCycleDays')),
    links: {},
  });
  return {
    columns: [
      { key: 'month', label: 'Month closed', kind: 'text' },
      { key: 'won', label: 'Won', kind: 'count' },
      { key: 'lost', label: 'Lost', kind: 'count' },
      { key: 'winRate', label: 'Win rate', kind: 'percent' },
      { key: 'cycleDays', label: 'Average sales cycle (won)', kind: 'days' },
    ],
    rows,
    chart: { labelColumn: 'month', barColumns: ['won', 'lost'], currency: null },
    notes: ['The sales cycle runs from the day a deal was created to the day it was won.'],
  };
}

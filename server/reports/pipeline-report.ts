import 'server-only';
import { and, count, gte, inArray, lte, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { deals } from '@/db/schema';
import { dealStageLabels, openDealStages } from '@/lib/deals';
import type { ReportResult, ReportRow } from '@/lib/report-catalog';
import { chartCurrency } from '@/lib/report-catalog';
import { dealsInReport, filterQuery, type ReportContext } from './context';

/** Open deals expected to close in the range, per stage and currency. */
export function pipelineReportQuery(context: ReportContext) {
  return db
    .select({
      stage: deals.stage,
      currency: deals.currency,
      count: count(),
      valueCents: sql<number>`coalesce(sum(${deals.amountCents}), 0)`.mapWith(Number),
      weightedCents:
        sql<number>`coalesce(round(sum(${deals.amountCents} * ${deals.probability}) / 100.0), 0)`.mapWith(
          Number,
        ),
    })
    .from(deals)
    .where(
      and(
        inArray(deals.stage, [...openDealStages]),
        gte(deals.expectedClose, context.range.from),
        lte(deals.expectedClose, context.range.to),
        dealsInReport(context),
      ),
    )
    .groupBy(deals.stage, deals.currency);
}

export async function pipelineReport(context: ReportContext): Promise<ReportResult> {
  const figures = await pipelineReportQuery(context);
  const order = (stage: string) => openDealStages.indexOf(stage as (typeof openDealStages)[number]);
  figures.sort((a, b) => order(a.stage) - order(b.stage) || a.currency.localeCompare(b.currency));
  const rows: ReportRow[] = figures.map((figure) => {
    const search = filterQuery(context);
    search.set('stage', figure.stage);
    search.set('closeFrom', context.range.from);
    search.set('closeTo', context.range.to);
    const href = `/pipeline?${search.toString()}`;
    return {
      key: `${figure.stage}:${figure.currency}`,
      currency: figure.currency,
      cells: {
        stage: dealStageLabels[figure.stage],
        currency: figure.currency,
        deals: figure.count,
        value: figure.valueCents,
        weighted: figure.weightedCents,
      },
      links: { stage: href, deals: href, value: href, weighted: href },
    };
  });
  const totals = new Map<string, ReportRow>();
  for (const row of rows) {
    const currency = row.currency!;
    const total = totals.get(currency) ?? {
      key: `total:${currency}`,
      currency,
      total: true,
      cells: { stage: 'Total', currency, deals: 0, value: 0, weighted: 0 },
      links: {},
    };
    for (const key of ['deals', 'value', 'weighted'] as const) {
      total.cells[key] = Number(total.cells[key]) + Number(row.cells[key]);
    }
    totals.set(currency, total);
  }
  return {
    columns: [
      { key: 'stage', label: 'Stage', kind: 'text' },
      { key: 'currency', label: 'Currency', kind: 'text' },
      { key: 'deals', label: 'Deals', kind: 'count' },
      { key: 'value', label: 'Value', kind: 'money' },
      { key: 'weighted', label: 'Weighted forecast', kind: 'money' },
    ],
    rows: [...rows, ...totals.values()],
    chart: {
      labelColumn: 'stage',
      barColumns: ['value', 'weighted'],
      currency: chartCurrency(rows),
    },
    notes: ['Deals with no expected close date are not in any period.'],
  };
}

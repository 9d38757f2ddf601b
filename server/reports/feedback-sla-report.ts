import 'server-only';
import { and, count, gte, isNotNull, lt, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { feedback } from '@/db/schema';
import type { ReportResult, ReportRow } from '@/lib/report-catalog';
import { monthsOf } from '@/lib/report-ranges';
import { firstColumn, monthIn, monthLabel, throughAccounts, type ReportContext } from './context';

/** Feedback routed per viewer's month, by whether it was acknowledged within its SLA. */
export function routedFeedbackQuery(context: ReportContext) {
  const month = monthIn(context, feedback.routedAt);
  const due = feedback.acknowledgeDueAt;
  const acknowledged = feedback.acknowledgedAt;
  return db
    .select({
      month,
      routed: count(),
      onTime: sql<number>`count(*) filter (where ${acknowledged} <= ${due})`.mapWith(Number),
      late: sql<number>`count(*) filter (where ${acknowledged} > ${due} or (${acknowledged} is null and ${due} < ${context.now.toISOString()}::timestamptz))`.mapWith(
        Number,
      ),
    })
    .from(feedback)
    .where(
      and(
        isNotNull(feedback.routedAt),
        isNotNull(due),
        gte(feedback.routedAt, context.range.start),
        lt(feedback.routedAt, context.range.end),
        throughAccounts(context, feedback.clientId),
      ),
    )
    .groupBy(firstColumn);
}

type Sums = { routed: number; onTime: number; late: number };

function cells(label: string, sums: Sums) {
  const decided = sums.onTime + sums.late;
  return {
    month: label,
    routed: sums.routed,
    onTime: sums.onTime,
    late: sums.late,
    waiting: sums.routed - decided,
    onTimeRate: decided === 0 ? null : sums.onTime / decided,
  };
}

export async function feedbackSlaReport(context: ReportContext): Promise<ReportResult> {
  const figures = await routedFeedbackQuery(context);
  // The feedback list filters by client, not by account owner or coordinator.
  const search = new URLSearchParams();
  if (context.filters.client) search.set('client', context.filters.client);
  const listHref = `/feedback${search.size ? `?${search.toString()}` : ''}`;
  const overdue = new URLSearchParams(search);
  overdue.set('overdue', '1');
  const total: Sums = { routed: 0, onTime: 0, late: 0 };
  const rows: ReportRow[] = monthsOf(context.range, context.viewer.timeZone).map((month) => {
    const firstDay = `${month.from.slice(0, 7)}-01`;
    const figure = figures.find((row) => row.month === firstDay);
    const sums: Sums = {
      routed: figure?.routed ?? 0,
      onTime: figure?.onTime ?? 0,
      late: figure?.late ?? 0,
    };
    for (const key of Object.keys(total) as (keyof Sums)[]) total[key] += sums[key];
    return {
      key: firstDay,
      currency: null,
      cells: cells(monthLabel(firstDay, context.viewer.locale), sums),
      links: { routed: listHref, waiting: `/feedback?${overdue.toString()}` },
    };
  });
  rows.push({ key: 'total', currency: null, total: true, cells: cells('Total', total), links: {} });
  return {
    columns: [
      { key: 'month', label: 'Month routed', kind: 'text' },
      { key: 'routed', label: 'Routed', kind: 'count' },
      { key: 'onTime', label: 'Acknowledged on time', kind: 'count' },
      { key: 'late', label: 'Late', kind: 'count' },
      { key: 'waiting', label: 'Waiting, not yet due', kind: 'count' },
      { key: 'onTimeRate', label: 'On time', kind: 'percent' },
    ],
    rows,
    chart: { labelColumn: 'month', barColumns: ['onTime', 'late'], currency: null },
    notes: [
      'Late counts feedback acknowledged after its due time and feedback past due unacknowledged.',
    ],
  };
}

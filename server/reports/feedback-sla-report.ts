import 'server-only';
import { and, count, gte, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { db } from '@/db/client';
import { feedback, feedbackRoutedDays } from '@/db/schema';
import type { ReportResult, ReportRow } from '@/lib/report-catalog';
import { monthsOf, type Interval } from '@/lib/report-ranges';
import {
  dayStart,
  firstColumn,
  monthIn,
  monthLabel,
  reportReads,
  ownedAsFiltered,
  sumByMonth,
  throughAccounts,
  within,
  withinDays,
  type ReportContext,
} from './context';

/** Feedback routed `during` per viewer's month, by whether it was acknowledged within its SLA. */
export function routedFeedbackQuery(context: ReportContext, during: SQL) {
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
        during,
        throughAccounts(context, feedback.clientId),
      ),
    )
    .groupBy(firstColumn);
}

/**
 * What does not depend on now, over whole UTC days, from their rollup: all that
 * was not acknowledged on time counts as late, less what is still waiting (below).
 */
export function routedDaysQuery(context: ReportContext, days: Interval[]) {
  const sum = (column: PgColumn) => sql<number>`coalesce(sum(${column}), 0)`.mapWith(Number);
  return db
    .select({
      month: monthIn(context, dayStart(feedbackRoutedDays.day)),
      routed: sum(feedbackRoutedDays.routed),
      onTime: sum(feedbackRoutedDays.acknowledgedOnTime),
      late: sql<number>`coalesce(sum(${feedbackRoutedDays.routed} - ${feedbackRoutedDays.acknowledgedOnTime}), 0)`.mapWith(
        Number,
      ),
    })
    .from(feedbackRoutedDays)
    .where(
      and(withinDays(feedbackRoutedDays.day, days), ownedAsFiltered(feedbackRoutedDays, context)),
    )
    .groupBy(firstColumn);
}

/**
 * What does: the feedback routed over those days still unacknowledged and not yet due, taken off
 * the late count, read from its partial index.
 */
export function waitingFeedbackQuery(context: ReportContext, days: Interval[]) {
  return db
    .select({
      month: monthIn(context, feedback.routedAt),
      routed: sql<number>`0`.mapWith(Number),
      onTime: sql<number>`0`.mapWith(Number),
      late: sql<number>`-count(*)`.mapWith(Number),
    })
    .from(feedback)
    .where(
      and(
        isNull(feedback.acknowledgedAt),
        isNotNull(feedback.routedAt),
        isNotNull(feedback.acknowledgeDueAt),
        gte(feedback.acknowledgeDueAt, context.now),
        within(feedback.routedAt, days),
        throughAccounts(context, feedback.clientId),
      ),
    )
    .groupBy(firstColumn);
}

/**
 * The statements the report adds up: the rollup's whole days less what still waits and the rows
 * of the rest, or the rows of its whole range.
 */
export function feedbackSlaQueries(context: ReportContext) {
  const { days, rest } = reportReads(context);
  return [
    ...(days.length ? [routedDaysQuery(context, days), waitingFeedbackQuery(context, days)] : []),
    ...(rest.length ? [routedFeedbackQuery(context, within(feedback.routedAt, rest))] : []),
  ];
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
  const figures = sumByMonth(await Promise.all(feedbackSlaQueries(context)));
  // The feedback list filters by client, not by account owner or coordinator.
  const search = new URLSearchParams();
  if (context.filters.client) search.set('client', context.filters.client);
  const listHref = `/feedback${search.size ? `?${search.toString()}` : ''}`;
  const overdue = new URLSearchParams(search);
  overdue.set('overdue', '1');
  const total: Sums = { routed: 0, onTime: 0, late: 0 };
  const rows: ReportRow[] = monthsOf(context.range, context.viewer.timeZone).map((month) => {
    const firstDay = `${month.from.slice(0, 7)}-01`;
    const figure = figures.get(firstDay);
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

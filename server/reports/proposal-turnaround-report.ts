import 'server-only';
import { and, count, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db/client';
import {
  proposalReviewDays,
  proposalReviews,
  proposalReviewTeamDays,
  proposalSentDays,
  proposals,
} from '@/db/schema';
import type { ReportResult, ReportRow } from '@/lib/report-catalog';
import { monthsOf, type Interval } from '@/lib/report-ranges';
import { getReviewSettings } from '@/server/settings/queries';
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

/** Proposals sent `during` per viewer's month, with their summed days from draft to sent. */
export function sentProposalsQuery(context: ReportContext, during: SQL) {
  const month = monthIn(context, proposals.sentAt);
  return db
    .select({
      month,
      sent: count(),
      draftToSentDays:
        sql<number>`coalesce(sum(extract(epoch from (${proposals.sentAt} - ${proposals.createdAt})) / 86400), 0)`.mapWith(
          Number,
        ),
    })
    .from(proposals)
    .where(and(isNotNull(proposals.sentAt), during, throughAccounts(context, proposals.clientId)))
    .groupBy(firstColumn);
}

/** The same figures over whole UTC days, from their rollup. */
export function sentDaysQuery(context: ReportContext, days: Interval[]) {
  return db
    .select({
      month: monthIn(context, dayStart(proposalSentDays.day)),
      sent: sql<number>`coalesce(sum(${proposalSentDays.sent}), 0)`.mapWith(Number),
      draftToSentDays:
        sql<number>`coalesce(sum(${proposalSentDays.draftToSentSeconds}) / 86400, 0)`.mapWith(
          Number,
        ),
    })
    .from(proposalSentDays)
    .where(and(withinDays(proposalSentDays.day, days), ownedAsFiltered(proposalSentDays, context)))
    .groupBy(firstColumn);
}

/**
 * Reviews decided `during` per viewer's month: summed hours under review, on time within the
 * review SLA.
 */
export function decidedReviewsQuery(context: ReportContext, reviewDueHours: number, during: SQL) {
  const month = monthIn(context, proposalReviews.createdAt);
  const hours = sql`extract(epoch from (${proposalReviews.createdAt} - ${proposalReviews.submittedAt})) / 3600`;
  const accounts = throughAccounts(context, proposals.clientId);
  return db
    .select({
      month,
      decided: count(),
      reviewHours: sql<number>`coalesce(sum(${hours}), 0)`.mapWith(Number),
      onTime: sql<number>`count(*) filter (where ${hours} <= ${reviewDueHours})`.mapWith(Number),
    })
    .from(proposalReviews)
    .where(
      and(
        during,
        // A semi-join only when accounts are filtered: every review counts otherwise, and the
        // reviews' own index answers alone.
        accounts
          ? inArray(
              proposalReviews.proposalId,
              db.select({ id: proposals.id }).from(proposals).where(accounts),
            )
          : undefined,
      ),
    )
    .groupBy(firstColumn);
}

/**
 * The same figures over whole UTC days, from their rollup: its whole hours under review are on
 * time up to the setting. The whole team reads the rollup without accounts, a few rows a day.
 */
export function reviewDaysQuery(context: ReportContext, reviewDueHours: number, days: Interval[]) {
  const owned = ownedAsFiltered(proposalReviewDays, context);
  const rollup = owned ? proposalReviewDays : proposalReviewTeamDays;
  return db
    .select({
      month: monthIn(context, dayStart(rollup.day)),
      decided: sql<number>`coalesce(sum(${rollup.decided}), 0)`.mapWith(Number),
      reviewHours: sql<number>`coalesce(sum(${rollup.reviewSeconds}) / 3600, 0)`.mapWith(Number),
      onTime:
        sql<number>`coalesce(sum(${rollup.decided}) filter (where ${rollup.hours} <= ${reviewDueHours}), 0)`.mapWith(
          Number,
        ),
    })
    .from(rollup)
    .where(and(withinDays(rollup.day, days), owned))
    .groupBy(firstColumn);
}

/**
 * The statements the report adds up: the rollups' whole days and the rows of the rest, or the
 * rows of its whole range.
 */
export function turnaroundQueries(context: ReportContext, reviewDueHours: number) {
  const { days, rest } = reportReads(context);
  return {
    sent: [
      ...(days.length ? [sentDaysQuery(context, days)] : []),
      ...(rest.length ? [sentProposalsQuery(context, within(proposals.sentAt, rest))] : []),
    ],
    reviews: [
      ...(days.length ? [reviewDaysQuery(context, reviewDueHours, days)] : []),
      ...(rest.length
        ? [decidedReviewsQuery(context, reviewDueHours, within(proposalReviews.createdAt, rest))]
        : []),
    ],
  };
}

type Sums = {
  sent: number;
  draftToSentDays: number;
  decided: number;
  reviewHours: number;
  onTime: number;
};

function cells(label: string, sums: Sums) {
  return {
    month: label,
    sent: sums.sent,
    draftToSent: sums.sent === 0 ? null : sums.draftToSentDays / sums.sent,
    decided: sums.decided,
    reviewTime: sums.decided === 0 ? null : sums.reviewHours / sums.decided,
    onTime: sums.onTime,
    late: sums.decided - sums.onTime,
  };
}

export async function proposalTurnaroundReport(context: ReportContext): Promise<ReportResult> {
  const { reviewDueHours } = await getReviewSettings();
  const queries = turnaroundQueries(context, reviewDueHours);
  const [sent, reviews] = await Promise.all([
    Promise.all(queries.sent).then(sumByMonth),
    Promise.all(queries.reviews).then(sumByMonth),
  ]);
  // The proposals list filters by status and author, not by account.
  const sentHref = '/proposals?status=sent';
  const total: Sums = { sent: 0, draftToSentDays: 0, decided: 0, reviewHours: 0, onTime: 0 };
  const rows: ReportRow[] = monthsOf(context.range, context.viewer.timeZone).map((month) => {
    const firstDay = `${month.from.slice(0, 7)}-01`;
    const sentFigure = sent.get(firstDay);
    const reviewFigure = reviews.get(firstDay);
    const sums: Sums = {
      sent: sentFigure?.sent ?? 0,
      draftToSentDays: sentFigure?.draftToSentDays ?? 0,
      decided: reviewFigure?.decided ?? 0,
      reviewHours: reviewFigure?.reviewHours ?? 0,
      onTime: reviewFigure?.onTime ?? 0,
    };
    for (const key of Object.keys(total) as (keyof Sums)[]) total[key] += sums[key];
    return {
      key: firstDay,
      currency: null,
      cells: cells(monthLabel(firstDay, context.viewer.locale), sums),
      links: { sent: sentHref },
    };
  });
  rows.push({ key: 'total', currency: null, total: true, cells: cells('Total', total), links: {} });
  return {
    columns: [
      { key: 'month', label: 'Month', kind: 'text' },
      { key: 'sent', label: 'Proposals sent', kind: 'count' },
      { key: 'draftToSent', label: 'Draft to sent', kind: 'days' },
      { key: 'decided', label: 'Reviews decided', kind: 'count' },
      { key: 'reviewTime', label: 'Review time', kind: 'hours' },
      { key: 'onTime', label: 'Reviews on time', kind: 'count' },
      { key: 'late', label: 'Reviews late', kind: 'count' },
    ],
    rows,
    chart: { labelColumn: 'month', barColumns: ['onTime', 'late'], currency: null },
    notes: [`A review is on time when decided within ${reviewDueHours} hours of submission.`],
  };
}

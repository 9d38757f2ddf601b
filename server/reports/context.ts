import 'server-only';
import { and, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { db } from '@/db/client';
import { clients, deals } from '@/db/schema';
import { dateTimeFormat } from '@/lib/format';
import type { ReportFormat } from '@/lib/report-catalog';
import type { DashboardScope } from '@/lib/reports';
import {
  monthsOf,
  resolveReportRange,
  rollupSplit,
  type Interval,
  type ReportRange,
} from '@/lib/report-ranges';
import type { ReportParams } from '@/lib/validation/reports';
import type { CurrentUser } from '@/server/auth/session';
import { visibleClients } from '@/server/clients/visibility';
import { dashboardScope } from './pipeline';

export type ReportFilters = Pick<ReportParams, 'owner' | 'coordinator' | 'client'>;

/** What every report query reads: who asks, at which scope, over which range, with which filters. */
export type ReportContext = {
  viewer: CurrentUser;
  scope: DashboardScope;
  /** The filters after the scope: a book is its executive's, own numbers are the coordinator's. */
  filters: ReportFilters;
  range: ReportRange;
  /** The viewer's visibility on `clients` (undefined when they see every account). */
  visibility: SQL | undefined;
  now: Date;
  /** Where the figures go: the report's page, or an exported CSV or PDF (which may list more). */
  output: ReportOutput;
};

export type ReportOutput = 'screen' | ReportFormat;

/**
 * The filters a viewer's scope allows: an executive's book is always the accounts they own, a
 * coordinator's numbers always those they coordinate, whatever the request asked for.
 */
export function scopedFilters(
  scope: DashboardScope,
  viewer: Pick<CurrentUser, 'id'>,
  filters: ReportFilters,
): ReportFilters {
  if (scope === 'book') return { ...filters, owner: viewer.id };
  if (scope === 'own') return { ...filters, coordinator: viewer.id };
  return filters;
}

/** The context of one report run; the scope comes from the permission matrix, never the request. */
export async function reportContext(
  viewer: CurrentUser,
  params: ReportParams,
  now: Date = new Date(),
  output: ReportOutput = 'screen',
): Promise<ReportContext> {
  const scope = dashboardScope(viewer);
  return {
    viewer,
    scope,
    filters: scopedFilters(scope, viewer, params),
    range: resolveReportRange(params, viewer.timeZone, now),
    visibility: await visibleClients(viewer),
    now,
    output,
  };
}

/**
 * The accounts a report counts, as a condition on a record's `client_id`: visible to the viewer,
 * owned and coordinated as the filters say. Undefined when every account counts.
 */
export function throughAccounts(context: ReportContext, clientId: PgColumn): SQL | undefined {
  const { client } = context.filters;
  const accounts = and(context.visibility, ownedAsFiltered(clients, context));
  return and(
    client ? eq(clientId, client) : undefined,
    accounts
      ? inArray(clientId, db.select({ id: clients.id }).from(clients).where(accounts))
      : undefined,
  );
}

/**
 * Whether the report's accounts can be read from the rollups, which are per account owner and
 * coordinator: not for one client, nor when the viewer's visibility narrows them further. Under
 * `assigned` a viewer sees every account they own or coordinate, so filtering on themselves needs
 * nothing more.
 */
function readsRollups(context: ReportContext) {
  const { owner, coordinator, client } = context.filters;
  if (client) return false;
  const { visibility, viewer } = context;
  return visibility === undefined || owner === viewer.id || coordinator === viewer.id;
}

/**
 * The report's owner and coordinator filters on a table that names both (accounts, deals, the
 * rollups); undefined when neither is set.
 */
export function ownedAsFiltered(
  table: { ownerId: PgColumn; coordinatorId: PgColumn },
  context: ReportContext,
): SQL | undefined {
  const { owner, coordinator } = context.filters;
  return and(
    owner ? eq(table.ownerId, owner) : undefined,
    coordinator ? eq(table.coordinatorId, coordinator) : undefined,
  );
}

/**
 * The parts of the report's range read from the rollups (`days`) and from the rows (`rest`):
 * every instant from the rows when the rollups cannot tell its accounts apart.
 */
export function reportReads(context: ReportContext): { days: Interval[]; rest: Interval[] } {
  const { range } = context;
  if (!readsRollups(context)) return { days: [], rest: [{ start: range.start, end: range.end }] };
  return rollupSplit(range, context.viewer.timeZone);
}

/** An instant column within one of the intervals; none matches no row. */
export function within(column: PgColumn, intervals: Interval[]): SQL {
  return (
    or(
      ...intervals.map((interval) => and(gte(column, interval.start), lt(column, interval.end))),
    ) ?? sql`false`
  );
}

/** A rollup's UTC day column within one of the runs of whole days. */
export function withinDays(day: PgColumn, runs: Interval[]): SQL {
  const date = (instant: Date) => instant.toISOString().slice(0, 10);
  return (
    or(...runs.map((run) => and(gte(day, date(run.start)), lt(day, date(run.end))))) ?? sql`false`
  );
}

/** The instant a rollup's UTC day starts, for `monthIn`. */
export function dayStart(day: PgColumn) {
  return sql`(${day}::timestamp at time zone 'UTC')`;
}

/** Figures per month from several statements, added up. */
export function sumByMonth<Row extends { month: string }>(results: Row[][]) {
  const sums = new Map<string, Row>();
  for (const row of results.flat()) {
    const sum = sums.get(row.month);
    if (!sum) {
      sums.set(row.month, { ...row });
      continue;
    }
    for (const key of Object.keys(row) as (keyof Row)[]) {
      if (key !== 'month') (sum[key] as number) += row[key] as number;
    }
  }
  return sums;
}

/**
 * Groups by the first selected column: the month expression binds its months as parameters,
 * and PostgreSQL does not see two bindings of it as the same expression.
 */
export const firstColumn = sql`1`;

/**
 * The viewer's month an instant within the report's range falls in, as its first day
 * (YYYY-MM-01): the last of the range's month starts (in the viewer's zone) not after it, a binary
 * search per row where converting every row's instant to the zone cost a quarter of the report.
 */
export function monthIn(context: ReportContext, instant: SQL | PgColumn) {
  const months = monthsOf(context.range, context.viewer.timeZone);
  const firstDays = `{${months.map((month) => `${month.from.slice(0, 7)}-01`).join(',')}}`;
  const starts = `{${months.map((month) => month.start.toISOString()).join(',')}}`;
  return sql<string>`(${firstDays}::text[])[width_bucket(${instant}, ${starts}::timestamptz[])]`;
}

/** The filters as a list's URL query, to append to a drill-down link. */
export function filterQuery(
  context: ReportContext,
  names: Partial<Record<keyof ReportFilters, string>> = {},
) {
  const search = new URLSearchParams();
  for (const key of ['owner', 'coordinator', 'client'] as const) {
    const value = context.filters[key];
    if (value) search.set(names[key] ?? key, value);
  }
  return search;
}

/** A month's label, e.g. "Jul 2026", in the viewer's locale. */
export function monthLabel(firstDay: string, locale: string) {
  return dateTimeFormat(locale, {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${firstDay}T00:00:00Z`));
}

/** The deals a report counts: a deal's own owner and coordinator, and its account's visibility. */
export function dealsInReport(context: ReportContext): SQL | undefined {
  const { client } = context.filters;
  return and(
    ownedAsFiltered(deals, context),
    client ? eq(deals.clientId, client) : undefined,
    context.visibility
      ? inArray(
          deals.clientId,
          db.select({ id: clients.id }).from(clients).where(context.visibility),
        )
      : undefined,
  );
}

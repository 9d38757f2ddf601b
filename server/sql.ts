import 'server-only';
import { asc, desc, inArray, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { db } from '@/db/client';

/** Escapes LIKE wildcards so a search for "50%" looks for the text "50%". */
export function escapeLike(text: string) {
  return text.replace(/[\\%_]/g, (match) => `\\${match}`);
}

/**
 * `column = any($1)`, the ids in one array parameter: an IN list of a feed's 2,000 ids cost
 * drizzle a parameter each to build, and PostgreSQL one each to plan.
 */
export function isAnyUuid(column: PgColumn, ids: string[]) {
  return sql`${column} = any(${sql.param(ids)}::uuid[])`;
}

// Counting every match of a broad filter costs more than the page itself; past this we say "10,000+".
const countCap = 10_000;

/** How many rows of `table` match `where`, counted exactly up to `cap` (10,000 unless told). */
export async function cappedCount(table: PgTable, where: SQL | undefined, cap = countCap) {
  const [row] = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from (select 1 from ${table} ${where ? sql`where ${where}` : sql``} limit ${cap + 1}) capped`,
  );
  const n = row?.n ?? 0;
  return { total: Math.min(n, cap), totalIsCapped: n > cap };
}

/**
 * How many rows of `table` PostgreSQL expects `where` to keep: its planner's estimate from the
 * columns' statistics, which costs planning one statement and reads no row.
 */
export async function estimatedCount(table: PgTable, where: SQL | undefined) {
  const [row] = await db.execute<{ 'QUERY PLAN': { Plan: { 'Plan Rows': number } }[] }>(
    sql`explain (format json) select 1 from ${table} ${where ? sql`where ${where}` : sql``}`,
  );
  return row?.['QUERY PLAN'][0]?.Plan['Plan Rows'] ?? 0;
}

export type IdAndName = { id: string; name: string };

/**
 * An aggregate of `id` and `name` as a JSON array ordered by name (`[]` when there are none), so
 * a list of choices or tags comes in the same statement as what it belongs to.
 */
export function idAndNameArray(id: PgColumn, name: PgColumn) {
  return sql<
    IdAndName[]
  >`coalesce(json_agg(json_build_object('id', ${id}, 'name', ${name}) order by ${name}), '[]')`;
}

/**
 * ORDER BY for a list: the column with nulls before every value ascending (after them descending),
 * then the id, so pages never repeat or skip a row. Its index is declared `(column asc nulls
 * first, id)`, which PostgreSQL reads forwards for one direction and backwards for the other.
 */
export function listOrder(column: PgColumn | SQL, id: PgColumn, dir: 'asc' | 'desc'): SQL[] {
  return dir === 'desc'
    ? [sql`${column} desc nulls last`, desc(id)]
    : [sql`${column} asc nulls first`, asc(id)];
}

type OrderedIds = { limit(limit: number): { offset(offset: number): SQLWrapper } };

/**
 * The condition that keeps one page of a list: `ids` (the list's ids in its order) are paged on
 * the sort's index alone, then only the page's rows are read (a deferred join). An offset walks
 * every row it skips, so reading each of those wide rows made deep pages cost more and more.
 */
export function onPage(id: PgColumn, ids: OrderedIds, page: { page: number; size: number }) {
  return inArray(id, ids.limit(page.size).offset((page.page - 1) * page.size));
}

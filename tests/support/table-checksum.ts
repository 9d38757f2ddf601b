import { sql } from 'drizzle-orm';
import { db } from '@/db/client';

let tablesQuery: ReturnType<typeof sql.raw> | undefined;

/**
 * One digest of every row of every table in the public schema, to prove a refused call changed
 * nothing. No table is left out: a refused call rolls back its transaction, audit entries included.
 * Each table's rows are counted and their hashes summed, which needs no sort of the table.
 */
export async function checksumOfAllTables() {
  if (!tablesQuery) {
    const tables = await db.execute<{ name: string }>(
      sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
    );
    const perTable = tables.map(
      ({ name }) =>
        `select '${name}' as name, count(*) || '/' || coalesce(sum(hashtextextended(t::text, 0)), 0) as digest from public."${name}" t`,
    );
    tablesQuery = sql.raw(
      `select string_agg(name || ':' || digest, ',' order by name) as digest from (${perTable.join(' union all ')}) d`,
    );
  }
  const [row] = await db.execute<{ digest: string }>(tablesQuery);
  return row?.digest ?? '';
}

import 'server-only';
import { and, eq, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Transaction } from '@/db/client';
import { notFound, staleRecord } from '@/server/errors';

type RecordTable = PgTable & { id: PgColumn };

/**
 * Locks row `id` of `table` for the rest of the transaction when it meets `visibility` (a record
 * the user may not see reads as gone: notFound), and, given the `version` the form read, refuses a
 * newer row (staleRecord; only for a table with a `version` column). Every command that changes
 * a record it loaded goes through here.
 */
export async function lockVisibleRecord<TTable extends RecordTable>(
  tx: Transaction,
  table: TTable,
  noun: string,
  { id, visibility, version }: { id: string | number; visibility?: SQL; version?: number },
): Promise<TTable['$inferSelect']> {
  const [row] = (await tx
    .select()
    .from(table as PgTable)
    .where(and(eq(table.id, id), visibility))
    .for('update')
    .limit(1)) as TTable['$inferSelect'][];
  if (!row) throw notFound(noun);
  if (version !== undefined && (row as { version?: unknown }).version !== version) {
    throw staleRecord(noun);
  }
  return row;
}

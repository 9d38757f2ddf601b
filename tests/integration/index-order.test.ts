import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { recentAuditEntriesQuery } from '@/server/audit/queries';

/**
 * The plan of `statement` with sorting priced out: a plan that still sorts has no index that
 * gives its order. A `desc` without `nulls last` missed the index built `desc nulls last`.
 */
async function planWithoutSorting(statement: { sql: string; params: unknown[] }) {
  return db.$client.begin(async (transaction) => {
    await transaction`set local enable_sort = off`;
    const rows = await transaction.unsafe(`explain ${statement.sql}`, statement.params as never[]);
    return rows.map((row) => String(Object.values(row)[0])).join('\n');
  });
}

describe('newest-first reads in the order of their index', () => {
  it("reads the audit log's newest entries off its created index, unsorted", async () => {
    const plan = await planWithoutSorting(recentAuditEntriesQuery(8).toSQL());
    expect(plan).toMatch(/Index (Only )?Scan using audit_log_created_idx/);
    expect(plan).not.toMatch(/Sort/);
  });
});

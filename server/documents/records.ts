import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '@/db/client';
import { clients, contracts, deals, invoices, proposals } from '@/db/schema';
import type { DocumentRecordKind } from '@/lib/documents';
import type { CurrentUser } from '@/server/auth/session';
import { visibleThroughClient } from '@/server/clients/visibility';
import { findVisibleReportRun } from '@/server/reports/runs';

type RecordSource = { table: PgTable; id: PgColumn; clientId: PgColumn };

/**
 * Where each kind of record lives and which client it hangs off. A kind that lands later (materials,
 * reports) adds its line here; until then its files are "not found".
 */
const recordSources: Partial<Record<DocumentRecordKind, RecordSource>> = {
  client: { table: clients, id: clients.id, clientId: clients.id },
  deal: { table: deals, id: deals.id, clientId: deals.clientId },
  proposal: { table: proposals, id: proposals.id, clientId: proposals.clientId },
  contract: { table: contracts, id: contracts.id, clientId: contracts.clientId },
  invoice: { table: invoices, id: invoices.id, clientId: invoices.clientId },
};

/**
 * The client of a record the user may see, or null when it does not exist or is hidden from them.
 * A report run has no client: it is visible to whoever may run that report at its scope.
 */
export async function findVisibleRecord(
  executor: Executor,
  user: CurrentUser,
  kind: DocumentRecordKind,
  recordId: string,
): Promise<{ clientId: string | null } | null> {
  if (kind === 'report') {
    return (await findVisibleReportRun(executor, user, recordId)) ? { clientId: null } : null;
  }
  const source = recordSources[kind];
  if (!source) return null;
  const [row] = await executor
    .select({ clientId: source.clientId })
    .from(source.table)
    .where(and(eq(source.id, recordId), await visibleThroughClient(user, source.clientId)))
    .limit(1);
  return row ? { clientId: row.clientId as string } : null;
}

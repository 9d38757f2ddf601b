import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '@/db/client';
import {
  campaigns,
  clients,
  contracts,
  deals,
  documents,
  invoices,
  materials,
  proposals,
} from '@/db/schema';
import type { DocumentRecordKind } from '@/lib/documents';
import type { CurrentUser } from '@/server/auth/session';
import { visibleThroughClient } from '@/server/clients/visibility';
import { findVisibleReportRun } from '@/server/reports/runs';

type RecordSource = { table: PgTable; id: PgColumn; clientId: PgColumn };

/** Where each kind of record with a client lives, and which client it hangs off. */
const recordSources: Record<Exclude<DocumentRecordKind, 'report'>, RecordSource> = {
  client: { table: clients, id: clients.id, clientId: clients.id },
  deal: { table: deals, id: deals.id, clientId: deals.clientId },
  proposal: { table: proposals, id: proposals.id, clientId: proposals.clientId },
  contract: { table: contracts, id: contracts.id, clientId: contracts.clientId },
  invoice: { table: invoices, id: invoices.id, clientId: invoices.clientId },
  campaign: { table: campaigns, id: campaigns.id, clientId: campaigns.clientId },
  material: { table: materials, id: materials.id, clientId: materials.clientId },
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
  const [row] = await executor
    .select({ clientId: source.clientId })
    .from(source.table)
    .where(and(eq(source.id, recordId), await visibleThroughClient(user, source.clientId)))
    .limit(1);
  return row ? { clientId: row.clientId as string } : null;
}

/** File `documentId` if it is filed (and not deleted) on the record, for a command naming it. */
export async function findFiledDocument(
  executor: Executor,
  kind: DocumentRecordKind,
  recordId: string,
  documentId: string,
) {
  const [file] = await executor
    .select({ id: documents.id })
    .from(documents)
    .where(
      and(
        eq(documents.id, documentId),
        eq(documents.recordKind, kind),
        eq(documents.recordId, recordId),
        isNull(documents.deletedAt),
      ),
    );
  return file ?? null;
}

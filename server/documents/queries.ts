import 'server-only';
import { and, asc, desc, eq, isNull, or } from 'drizzle-orm';
import { notFound } from 'next/navigation';
import { db } from '@/db/client';
import { documents, users } from '@/db/schema';
import type { DocumentRecordKind } from '@/lib/documents';
import { can } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';
import { visibleThroughClient } from '@/server/clients/visibility';
import { findVisibleRecord } from './records';

/**
 * The files of a record the viewer may see, newest first, each with its versions (newest first).
 * Deleted files are listed only to those who may purge them. The record's 404 when it is hidden.
 */
export async function listRecordDocuments(
  viewer: CurrentUser,
  recordKind: DocumentRecordKind,
  recordId: string,
) {
  if (
    !can(viewer, 'clients.read') ||
    !(await findVisibleRecord(db, viewer, recordKind, recordId))
  ) {
    notFound();
  }
  const showDeleted = can(viewer, 'documents.purge');
  const rows = await db
    .select({
      id: documents.id,
      fileId: documents.fileId,
      versionNumber: documents.versionNumber,
      name: documents.name,
      mediaType: documents.mediaType,
      sizeBytes: documents.sizeBytes,
      uploadedById: documents.uploadedById,
      uploaderName: users.name,
      createdAt: documents.createdAt,
      deletedAt: documents.deletedAt,
    })
    .from(documents)
    .leftJoin(users, eq(users.id, documents.uploadedById))
    .where(
      and(
        eq(documents.recordKind, recordKind),
        eq(documents.recordId, recordId),
        showDeleted ? undefined : isNull(documents.deletedAt),
      ),
    )
    .orderBy(asc(documents.fileId), desc(documents.versionNumber));
  const files = new Map<string, { versions: typeof rows; uploaderId: string | null }>();
  for (const row of rows) {
    const file = files.get(row.fileId) ?? { versions: [], uploaderId: null };
    file.versions.push(row);
    if (row.versionNumber === 1) file.uploaderId = row.uploadedById;
    files.set(row.fileId, file);
  }
  return [...files.values()]
    .map(({ versions, uploaderId }) => {
      const [latest, ...older] = versions as [(typeof rows)[number], ...typeof rows];
      return {
        ...latest,
        older,
        deleted: latest.deletedAt !== null,
        canDelete: can(viewer, 'documents.delete', { uploaderId }),
        canPurge: showDeleted,
      };
    })
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

export type RecordDocument = Awaited<ReturnType<typeof listRecordDocuments>>[number];

/** Files on visible clients, and filed reports (no client: their run decides below who sees them). */
async function visibleDocumentClients(viewer: CurrentUser) {
  const throughClient = await visibleThroughClient(viewer, documents.clientId);
  return throughClient ? or(isNull(documents.clientId), throughClient) : undefined;
}

/** One stored version for download, if the viewer may see its record and it is not deleted. */
export async function findDownloadableDocument(viewer: CurrentUser, documentId: string) {
  if (!can(viewer, 'clients.read')) return null;
  const [document] = await db
    .select({
      id: documents.id,
      name: documents.name,
      mediaType: documents.mediaType,
      sizeBytes: documents.sizeBytes,
      storageKey: documents.storageKey,
      recordKind: documents.recordKind,
      recordId: documents.recordId,
    })
    .from(documents)
    .where(
      and(
        eq(documents.id, documentId),
        isNull(documents.deletedAt),
        await visibleDocumentClients(viewer),
      ),
    )
    .limit(1);
  if (!document) return null;
  // The record itself must still be visible (a record can move to another client's account).
  const record = await findVisibleRecord(db, viewer, document.recordKind, document.recordId);
  return record ? document : null;
}

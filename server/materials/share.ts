import 'server-only';
import { and, asc, eq, exists, gt, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db } from '@/db/client';
import { documents, materials, proposalMaterials } from '@/db/schema';
import { getSharedProposal } from '@/server/proposals/share';

const newer = alias(documents, 'newer_versions');

/**
 * The files a client may download from a proposal's share link: the latest live version of each
 * file of each ready material attached to that proposal (drafts and older versions stay inside).
 */
function sharedFilesWhere(proposalId: string) {
  return and(
    eq(proposalMaterials.proposalId, proposalId),
    eq(materials.status, 'ready'),
    eq(documents.recordKind, 'material'),
    isNull(documents.deletedAt),
    sql`not ${exists(
      db
        .select({ one: sql`1` })
        .from(newer)
        .where(
          and(eq(newer.fileId, documents.fileId), gt(newer.versionNumber, documents.versionNumber)),
        ),
    )}`,
  );
}

function selectSharedFiles() {
  return db
    .select({
      id: documents.id,
      name: documents.name,
      mediaType: documents.mediaType,
      sizeBytes: documents.sizeBytes,
      storageKey: documents.storageKey,
      materialTitle: materials.title,
    })
    .from(proposalMaterials)
    .innerJoin(materials, eq(materials.id, proposalMaterials.materialId))
    .innerJoin(documents, eq(documents.recordId, materials.id));
}

/** The downloads a share page lists for the proposal behind it, by material then file name. */
export async function listSharedMaterialFiles(proposalId: string) {
  const rows = await selectSharedFiles()
    .where(sharedFilesWhere(proposalId))
    .orderBy(asc(materials.title), asc(documents.name));
  return rows.map(({ storageKey: _storageKey, ...file }) => file);
}

export type SharedMaterialFile = Awaited<ReturnType<typeof listSharedMaterialFiles>>[number];

/**
 * A file the holder of a share `token` may download: the link must still show the proposal, and
 * the file must be one it lists. Anything else reads as not found.
 */
export async function findSharedMaterialFile(token: string, documentId: string) {
  const shared = await getSharedProposal(token);
  if (!shared || (shared.state !== 'open' && shared.state !== 'answered')) return null;
  const [file] = await selectSharedFiles()
    .where(and(sharedFilesWhere(shared.id), eq(documents.id, documentId)))
    .limit(1);
  return file ?? null;
}

import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { and, desc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Transaction } from '@/db/client';
import { contracts, documents } from '@/db/schema';
import { documentRecordKindLabels, type DocumentRecordKind } from '@/lib/documents';
import {
  documentFileSchema,
  documentRecordSchema,
  fileNameSchema,
} from '@/lib/validation/documents';
import { defineAction, type ActionContext } from '@/server/action';
import { can } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';
import { conflict, forbidden, notFound } from '@/server/errors';
import { findVisibleRecord } from './records';
import { sniffBytes, sniffMediaType, acceptedKindsMessage } from './sniff';
import { fileStorage, newStorageKey } from './storage';

/** Bytes already in storage under `storageKey`, described for their row. */
export type StoredFile = {
  name: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
};

/** The client of a record the user may file on, or "not found". */
export async function assertFilableRecord(
  tx: Transaction,
  user: CurrentUser,
  recordKind: DocumentRecordKind,
  recordId: string,
) {
  const record = await findVisibleRecord(tx, user, recordKind, recordId);
  if (!record) throw notFound(documentRecordKindLabels[recordKind]);
  return record;
}

/** The latest version of a file the user may see, locked; "not found" otherwise. */
async function lockLatestVersion(tx: Transaction, user: CurrentUser, fileId: string) {
  const [latest] = await tx
    .select()
    .from(documents)
    .where(eq(documents.fileId, fileId))
    .orderBy(desc(documents.versionNumber))
    .limit(1)
    .for('update');
  if (!latest || !(await findVisibleRecord(tx, user, latest.recordKind, latest.recordId))) {
    throw notFound('file');
  }
  return latest;
}

/**
 * Writes the row of a file stored under `stored.storageKey`, as a new file on the record or the
 * next version of `replacesFileId`, with its audit entry, in the caller's transaction.
 */
export async function fileDocument(
  { tx, user, audit }: ActionContext,
  target: { recordKind: DocumentRecordKind; recordId: string; replacesFileId: string | null },
  stored: StoredFile,
) {
  const { clientId } = await assertFilableRecord(tx, user, target.recordKind, target.recordId);
  let fileId: string | null = null;
  let versionNumber = 1;
  if (target.replacesFileId) {
    const latest = await lockLatestVersion(tx, user, target.replacesFileId);
    if (latest.recordKind !== target.recordKind || latest.recordId !== target.recordId) {
      throw notFound('file');
    }
    if (latest.deletedAt) throw conflict('This file was deleted. Upload it as a new file instead.');
    fileId = latest.fileId;
    versionNumber = latest.versionNumber + 1;
  }
  // A first version's file id is its own id.
  const id = randomUUID();
  const [document] = await tx
    .insert(documents)
    .values({
      id,
      fileId: fileId ?? id,
      versionNumber,
      recordKind: target.recordKind,
      recordId: target.recordId,
      clientId,
      uploadedById: user.id,
      ...stored,
    })
    .returning();
  if (!document) throw new Error('document not inserted');
  await audit({
    action: 'document.uploaded',
    entityType: 'document',
    entityId: document.id,
    after: {
      recordKind: target.recordKind,
      recordId: target.recordId,
      fileId: document.fileId,
      version: versionNumber,
      name: stored.name,
      mediaType: stored.mediaType,
      sizeBytes: stored.sizeBytes,
      sha256: stored.sha256,
    },
  });
  return { id: document.id, fileId: document.fileId, versionNumber, name: stored.name };
}

/** Registers an upload the route handler already streamed into storage; never a server action. */
export const recordUploadCommand = defineAction({
  schema: z.object({
    target: documentRecordSchema.extend({ replacesFileId: z.uuid().nullable() }),
    stored: z.object({
      name: z.string(),
      mediaType: z.string(),
      sizeBytes: z.number().int().positive(),
      sha256: z.string().length(64),
      storageKey: z.string(),
    }),
  }),
  permission: 'documents.upload',
  run: (input, context) => fileDocument(context, input.target, input.stored),
});

/**
 * Files bytes that Accord made (a PDF, a CSV export) as a document on a record, in the caller's
 * action transaction: the same checks, sniffing, hash and storage as an upload. For "File as
 * document" buttons, e.g. `storeGeneratedDocument(context, { recordKind: 'invoice', … })`.
 */
export async function storeGeneratedDocument(
  context: ActionContext,
  input: {
    recordKind: DocumentRecordKind;
    recordId: string;
    name: string;
    bytes: Uint8Array;
  },
) {
  if (!can(context.user, 'documents.upload')) throw forbidden();
  await assertFilableRecord(context.tx, context.user, input.recordKind, input.recordId);
  const name = fileNameSchema.parse(input.name);
  const mediaType = await sniffMediaType(input.bytes.subarray(0, sniffBytes), name);
  if (!mediaType) throw conflict(acceptedKindsMessage);
  const storageKey = newStorageKey();
  await fileStorage().put(storageKey, Readable.from([input.bytes]), input.bytes.byteLength);
  try {
    return await fileDocument(
      context,
      { recordKind: input.recordKind, recordId: input.recordId, replacesFileId: null },
      {
        name,
        mediaType,
        sizeBytes: input.bytes.byteLength,
        sha256: createHash('sha256').update(input.bytes).digest('hex'),
        storageKey,
      },
    );
  } catch (error) {
    await fileStorage().remove(storageKey);
    throw error;
  }
}

/** Who uploaded a file: its first version's uploader. */
async function fileUploaderId(tx: Transaction, fileId: string) {
  const [first] = await tx
    .select({ uploadedById: documents.uploadedById })
    .from(documents)
    .where(and(eq(documents.fileId, fileId), eq(documents.versionNumber, 1)));
  return first?.uploadedById ?? null;
}

export const deleteDocumentCommand = defineAction({
  schema: documentFileSchema,
  permission: 'documents.delete',
  async run({ fileId }, { tx, user, audit }) {
    const latest = await lockLatestVersion(tx, user, fileId);
    if (latest.deletedAt) throw conflict('This file is already deleted.');
    if (!can(user, 'documents.delete', { uploaderId: await fileUploaderId(tx, fileId) })) {
      throw forbidden('Only whoever uploaded this file, or a manager, may delete it.');
    }
    const versions = tx
      .select({ id: documents.id })
      .from(documents)
      .where(eq(documents.fileId, fileId));
    const [signedContract] = await tx
      .select({ id: contracts.id })
      .from(contracts)
      .where(inArray(contracts.signedDocumentId, versions))
      .limit(1);
    if (signedContract) {
      throw conflict('This file is the signed copy of its contract, so it stays filed.');
    }
    await tx
      .update(documents)
      .set({ deletedAt: new Date(), deletedById: user.id })
      .where(and(eq(documents.fileId, fileId), isNull(documents.deletedAt)));
    await audit({
      action: 'document.deleted',
      entityType: 'document',
      entityId: fileId,
      before: { name: latest.name, recordKind: latest.recordKind, recordId: latest.recordId },
    });
    return { fileId };
  },
});

export const purgeDocumentCommand = defineAction({
  schema: documentFileSchema,
  permission: 'documents.purge',
  async run({ fileId }, { tx, user, audit }) {
    const latest = await lockLatestVersion(tx, user, fileId);
    if (!latest.deletedAt) throw conflict('Delete this file before purging it.');
    const removed = await tx
      .delete(documents)
      .where(and(eq(documents.fileId, fileId), isNotNull(documents.deletedAt)))
      .returning({ storageKey: documents.storageKey });
    await audit({
      action: 'document.purged',
      entityType: 'document',
      entityId: fileId,
      before: { name: latest.name, recordKind: latest.recordKind, versions: removed.length },
    });
    // Last, so a refused purge keeps its bytes; a storage error rolls the rows back.
    for (const { storageKey } of removed) await fileStorage().remove(storageKey);
    return { fileId };
  },
});

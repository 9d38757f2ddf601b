import 'server-only';
import { createHash } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { db } from '@/db/client';
import { documentRecordKindLabels } from '@/lib/documents';
import { fileNameSchema, uploadTargetSchema } from '@/lib/validation/documents';
import { executeAction } from '@/server/action';
import type { ClientAddress } from '@/server/auth/client-ip';
import { can } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';
import { readDocumentSettings } from '@/server/settings/queries';
import { recordUploadCommand } from './commands';
import { findVisibleRecord } from './records';
import { acceptedKindsMessage, sniffBytes, sniffMediaType } from './sniff';
import { fileStorage, newStorageKey } from './storage';

export type UploadRequest = {
  /** The query string: record kind and id, and the file this is a new version of. */
  target: Record<string, string | undefined>;
  /** The file's name as the browser gave it (the `X-File-Name` header, URI-encoded). */
  fileName: string | null;
  /** The `Content-Length` header. */
  declaredSize: number | null;
  body: ReadableStream<Uint8Array> | null;
};

export type UploadAnswer = {
  status: number;
  body:
    | { ok: true; data: { id: string; fileId: string; versionNumber: number; name: string } }
    | { ok: false; error: string };
};

const refuse = (status: number, error: string): UploadAnswer => ({
  status,
  body: { ok: false, error },
});

class TooLarge extends Error {}

/** Counts, hashes and keeps the head of the bytes that pass, stopping past `limit` bytes. */
function inspector(limit: number) {
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let size = 0;
  let headSize = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > limit) return callback(new TooLarge());
      hash.update(chunk);
      if (headSize < sniffBytes) {
        head.push(chunk.subarray(0, sniffBytes - headSize));
        headSize += Math.min(chunk.length, sniffBytes - headSize);
      }
      callback(null, chunk);
    },
  });
  return {
    stream,
    result: () => ({ size, sha256: hash.digest('hex'), head: Buffer.concat(head) }),
  };
}

/**
 * An upload, streamed into storage as it arrives: refused before a byte is stored when the user
 * may not file on the record, and afterwards (with the bytes removed) when it is empty, over the
 * size cap or not an allowed kind by its content. The row is written by recordUploadCommand.
 */
export async function receiveUpload(
  user: CurrentUser,
  request: UploadRequest,
  client: ClientAddress | null = null,
): Promise<UploadAnswer> {
  const target = uploadTargetSchema.safeParse(request.target);
  if (!target.success) return refuse(400, 'Choose the record to file this on.');
  let decodedName: string;
  try {
    decodedName = decodeURIComponent(request.fileName ?? '');
  } catch {
    return refuse(400, 'The file name could not be read.');
  }
  const name = fileNameSchema.safeParse(decodedName);
  if (!name.success) return refuse(400, name.error.issues[0]?.message ?? 'Name the file.');
  if (!can(user, 'documents.upload')) return refuse(403, 'You do not have permission to do that.');
  const { recordKind, recordId, replacesFileId } = target.data;
  if (!(await findVisibleRecord(db, user, recordKind, recordId))) {
    return refuse(
      404,
      `This ${documentRecordKindLabels[recordKind]} no longer exists or is not visible to you.`,
    );
  }
  const { maxUploadMb } = await readDocumentSettings(db);
  const limit = maxUploadMb * 1024 * 1024;
  const tooLarge = `“${name.data}” is larger than ${maxUploadMb} MB, the most Accord takes in one file.`;
  if (request.declaredSize === null) return refuse(411, 'The upload did not say how large it is.');
  if (request.declaredSize === 0 || !request.body) return refuse(400, `“${name.data}” is empty.`);
  if (request.declaredSize > limit) return refuse(413, tooLarge);

  const storageKey = newStorageKey();
  const inspected = inspector(limit);
  const source = Readable.fromWeb(request.body as WebReadableStream<Uint8Array>);
  source.on('error', (error) => inspected.stream.destroy(error));
  try {
    await fileStorage().put(storageKey, source.pipe(inspected.stream), request.declaredSize);
  } catch (error) {
    await fileStorage().remove(storageKey);
    if (error instanceof TooLarge) return refuse(413, tooLarge);
    throw error;
  }
  const { size, sha256, head } = inspected.result();
  const refused = async (status: number, message: string) => {
    await fileStorage().remove(storageKey);
    return refuse(status, message);
  };
  if (size === 0) return refused(400, `“${name.data}” is empty.`);
  if (size !== request.declaredSize) return refused(400, 'The upload was cut short. Try again.');
  const mediaType = await sniffMediaType(head, name.data);
  if (!mediaType) {
    return refused(
      415,
      `“${name.data}” is not a kind of file Accord keeps. ${acceptedKindsMessage}`,
    );
  }
  const result = await executeAction(
    recordUploadCommand,
    user,
    {
      target: { recordKind, recordId, replacesFileId },
      stored: { name: name.data, mediaType, sizeBytes: size, sha256, storageKey },
    },
    client,
  );
  if (!result.ok) {
    const status = result.code === 'not_found' ? 404 : result.code === 'forbidden' ? 403 : 409;
    return refused(status, result.error);
  }
  return { status: 201, body: { ok: true, data: result.data } };
}

import 'server-only';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { deflateSync } from 'node:zlib';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { documents } from '@/db/schema';
import type { DocumentRecordKind } from '@/lib/documents';
import { fileStorage, newStorageKey } from '@/server/documents/storage';

export type SeedTransaction = Parameters<
  Parameters<PostgresJsDatabase<Record<string, never>>['transaction']>[0]
>[0];

/** Writes `bytes` to the file storage and files them on a record as a demo upload. */
export async function fileDemoDocument(
  tx: SeedTransaction,
  record: { kind: DocumentRecordKind; id: string; clientId: string },
  file: { name: string; mediaType: string; bytes: Buffer },
  uploadedById: string | null,
) {
  const storageKey = newStorageKey();
  await fileStorage().put(storageKey, Readable.from([file.bytes]), file.bytes.length);
  const id = crypto.randomUUID();
  await tx.insert(documents).values({
    id,
    fileId: id,
    recordKind: record.kind,
    recordId: record.id,
    clientId: record.clientId,
    name: file.name,
    mediaType: file.mediaType,
    sizeBytes: file.bytes.length,
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
    storageKey,
    uploadedById,
  });
  return id;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A small real PNG: a band of `color` over white, enough for a thumbnail to show something. */
export function demoPng([red, green, blue]: [number, number, number], width = 96, height = 60) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Array.from({ length: height }, (_, y) => {
    const row = Buffer.alloc(1 + width * 3, 255);
    row[0] = 0;
    if (y > height / 4 && y < (height * 3) / 4) {
      for (let x = 0; x < width; x += 1) row.set([red, green, blue], 1 + x * 3);
    }
    return row;
  });
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.concat(rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

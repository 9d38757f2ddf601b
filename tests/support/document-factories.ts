import { Readable } from 'node:stream';
import type { DocumentRecordKind } from '@/lib/documents';
import type { CurrentUser } from '@/server/auth/session';
import { receiveUpload } from '@/server/documents/upload';

/** The first bytes of a real PDF, enough for the sniffer. */
export const pdfBytes = Buffer.from(
  '%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n',
);

/** A Windows program's first bytes: what an executable renamed `.pdf` starts with. */
export const executableBytes = Buffer.concat([
  Buffer.from('MZ'),
  Buffer.alloc(58),
  Buffer.from([0x80, 0, 0, 0]),
  Buffer.alloc(64),
  Buffer.from('PE\0\0'),
  Buffer.alloc(64),
]);

/** Uploads `bytes` as the route handler would, streaming them in small chunks. */
export function upload(
  user: CurrentUser,
  target: { recordKind: DocumentRecordKind; recordId: string; replacesFileId?: string },
  fileName: string,
  bytes: Buffer,
) {
  const chunks = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, index) =>
    bytes.subarray(index * 7, index * 7 + 7),
  );
  return receiveUpload(user, {
    target,
    fileName: encodeURIComponent(fileName),
    declaredSize: bytes.length,
    body: Readable.toWeb(Readable.from(chunks)) as ReadableStream<Uint8Array>,
  });
}

/** The upload's new row, or a failure naming the refusal. */
export function uploaded(answer: Awaited<ReturnType<typeof upload>>) {
  if (!answer.body.ok) throw new Error(`upload refused (${answer.status}): ${answer.body.error}`);
  return answer.body.data;
}

import 'server-only';
import { Readable } from 'node:stream';
import parseRange from 'range-parser';
import { attachmentDisposition } from '@/lib/content-disposition';
import { isPreviewable } from '@/lib/documents';
import type { CurrentUser } from '@/server/auth/session';
import { findDownloadableDocument } from './queries';
import { fileStorage, type ByteRange, type FileStorage } from './storage';

/**
 * A stored version as a response: a download for anyone who may see its record, or (`inline`,
 * images and PDFs only) shown in the page under a policy that runs nothing the file contains.
 * `range` is the request's Range header (see storedDocumentResponse).
 */
export async function documentResponse(
  viewer: CurrentUser,
  documentId: string,
  inline: boolean,
  range: string | null = null,
) {
  const document = await findDownloadableDocument(viewer, documentId);
  if (!document) return new Response('File not found.', { status: 404 });
  return storedDocumentResponse(document, inline, range);
}

type RangeAnswer = { satisfiable: false } | { satisfiable: true; range: ByteRange | null };

/**
 * What a Range header asks of a file of `size` bytes: one range of bytes, the whole file (no
 * header, one it cannot read, another unit, or several ranges, which are answered whole rather
 * than as multipart), or nothing it has.
 */
function answerRange(header: string | null, size: number): RangeAnswer {
  if (!header) return { satisfiable: true, range: null };
  const ranges = parseRange(size, header, { combine: true });
  if (ranges === -1) return { satisfiable: false };
  if (ranges === -2 || ranges.type !== 'bytes' || ranges.length !== 1) {
    return { satisfiable: true, range: null };
  }
  return { satisfiable: true, range: ranges[0]! };
}

/**
 * The response for a stored version someone is allowed to have, whoever allowed it. A video's
 * player seeks with `Range: bytes=a-b`: one satisfiable range is answered 206 with just those
 * bytes, one past the end 416.
 */
export async function storedDocumentResponse(
  document: { name: string; mediaType: string; sizeBytes: number; storageKey: string },
  inline: boolean,
  rangeHeader: string | null = null,
  storage: FileStorage = fileStorage(),
) {
  const answer = answerRange(rangeHeader, document.sizeBytes);
  if (!answer.satisfiable) {
    return new Response('That part of the file does not exist.', {
      status: 416,
      headers: {
        'content-range': `bytes */${document.sizeBytes}`,
        'accept-ranges': 'bytes',
        'cache-control': 'private, no-store',
      },
    });
  }
  const { range } = answer;
  const stream = await storage.read(document.storageKey, range ?? undefined);
  const body = Readable.toWeb(stream) as ReadableStream;
  const shownInline = inline && isPreviewable(document.mediaType);
  const disposition = attachmentDisposition(document.name);
  return new Response(body, {
    status: range ? 206 : 200,
    headers: {
      'content-type': document.mediaType,
      'content-length': String(range ? range.end - range.start + 1 : document.sizeBytes),
      ...(range
        ? { 'content-range': `bytes ${range.start}-${range.end}/${document.sizeBytes}` }
        : {}),
      'accept-ranges': 'bytes',
      'content-disposition': shownInline
        ? disposition.replace(/^attachment/, 'inline')
        : disposition,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
      // No script, form or plugin of the file runs, whatever it holds; only Accord may frame it.
      'content-security-policy': shownInline
        ? "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'"
        : "default-src 'none'; sandbox",
    },
  });
}

import 'server-only';
import { Readable } from 'node:stream';
import { attachmentDisposition } from '@/lib/content-disposition';
import { isPreviewable } from '@/lib/documents';
import type { CurrentUser } from '@/server/auth/session';
import { findDownloadableDocument } from './queries';
import { fileStorage } from './storage';

/**
 * A stored version as a response: a download for anyone who may see its record, or (`inline`,
 * images and PDFs only) shown in the page under a policy that runs nothing the file contains.
 */
export async function documentResponse(viewer: CurrentUser, documentId: string, inline: boolean) {
  const document = await findDownloadableDocument(viewer, documentId);
  if (!document) return new Response('File not found.', { status: 404 });
  return storedDocumentResponse(document, inline);
}

/** The response for a stored version someone is allowed to have, whoever allowed it. */
export async function storedDocumentResponse(
  document: { name: string; mediaType: string; sizeBytes: number; storageKey: string },
  inline: boolean,
) {
  const body = Readable.toWeb(await fileStorage().read(document.storageKey)) as ReadableStream;
  const shownInline = inline && isPreviewable(document.mediaType);
  const disposition = attachmentDisposition(document.name);
  return new Response(body, {
    headers: {
      'content-type': document.mediaType,
      'content-length': String(document.sizeBytes),
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

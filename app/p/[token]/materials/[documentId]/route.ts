import { z } from 'zod';
import { storedDocumentResponse } from '@/server/documents/download';
import { findSharedMaterialFile } from '@/server/materials/share';

/**
 * A material attached to a shared proposal, downloaded by the client: the share token is the
 * permission (and proxy.ts rate-limits every `/p/<token>` request), the headers are a document's,
 * a `Range` answered as on Accord's own downloads.
 */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ token: string; documentId: string }> },
) {
  const { token, documentId } = await params;
  const id = z.uuid().safeParse(documentId);
  const file = id.success ? await findSharedMaterialFile(token, id.data) : null;
  if (!file) return new Response('File not found.', { status: 404 });
  return storedDocumentResponse(file, false, request.headers.get('range'));
}

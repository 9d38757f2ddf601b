import { z } from 'zod';
import { attachmentDisposition } from '@/lib/content-disposition';
import { getUserForRoute } from '@/server/auth/session';
import { contractPdf } from '@/server/contracts/pdf';

/** A contract as a PDF download, for anyone who may see its client. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await getUserForRoute();
  if (!viewer) return new Response('Sign in to download contracts.', { status: 401 });
  const id = z.uuid().safeParse((await params).id);
  const pdf = id.success ? await contractPdf(viewer, id.data) : null;
  if (!pdf) return new Response('Contract not found.', { status: 404 });
  return new Response(new Uint8Array(pdf.content), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': attachmentDisposition(pdf.fileName),
      'cache-control': 'private, no-store',
    },
  });
}

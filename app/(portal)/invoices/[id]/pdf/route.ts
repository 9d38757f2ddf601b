import { z } from 'zod';
import { attachmentDisposition } from '@/lib/content-disposition';
import { getUserForRoute } from '@/server/auth/session';
import { invoicePdf } from '@/server/invoices/pdf';

/** An invoice as a PDF download, for anyone who may see its client. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await getUserForRoute();
  if (!viewer) return new Response('Sign in to download invoices.', { status: 401 });
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) return new Response('Invoice not found.', { status: 404 });
  const pdf = await invoicePdf(viewer, id.data);
  return new Response(new Uint8Array(pdf.content), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': attachmentDisposition(pdf.fileName),
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}

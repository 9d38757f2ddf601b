import { z } from 'zod';
import { getUserForRoute } from '@/server/auth/session';
import { documentResponse } from '@/server/documents/download';

/**
 * A file version: a download, or with `?inline=1` an image or PDF shown inside a page; a video
 * player's `Range` gets just the bytes it seeks to.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await getUserForRoute();
  if (!viewer) return new Response('Sign in to download files.', { status: 401 });
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) return new Response('File not found.', { status: 404 });
  return documentResponse(
    viewer,
    id.data,
    new URL(request.url).searchParams.get('inline') === '1',
    request.headers.get('range'),
  );
}

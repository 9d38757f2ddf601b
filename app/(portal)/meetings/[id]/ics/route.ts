import { z } from 'zod';
import { attachmentDisposition } from '@/lib/content-disposition';
import { getUserForRoute } from '@/server/auth/session';
import { meetingIcsFor } from '@/server/meetings/feed';

/** One meeting as an `.ics` file, for anyone who may see its client. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await getUserForRoute();
  if (!viewer) return new Response('Sign in to download meetings.', { status: 401 });
  const id = z.uuid().safeParse((await params).id);
  const file = id.success ? await meetingIcsFor(viewer, id.data) : null;
  if (!file) return new Response('Meeting not found.', { status: 404 });
  return new Response(file.content, {
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': attachmentDisposition(file.fileName),
      'cache-control': 'private, no-store',
    },
  });
}

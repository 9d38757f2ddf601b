import { calendarFeedFor } from '@/server/meetings/feed';

/**
 * A user's calendar subscription, for Google Calendar, Outlook and the like: no session, the
 * secret token in the address is the permission. A revoked or unknown token is a 404.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const ics = token.endsWith('.ics') ? await calendarFeedFor(token.slice(0, -4)) : null;
  if (ics === null) return new Response('Not found', { status: 404 });
  return new Response(ics, {
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'cache-control': 'private, no-store',
      'x-robots-tag': 'noindex',
    },
  });
}

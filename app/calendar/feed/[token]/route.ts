import fresh from 'fresh';
import { openCalendarFeed } from '@/server/meetings/feed';

/**
 * A user's calendar subscription, for Google Calendar, Outlook and the like: no session, the
 * secret token in the address is the permission. A revoked or unknown token is a 404. Calendar
 * apps fetch it every hour: an unchanged feed answers 304 to If-None-Match or If-Modified-Since.
 */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const feed = token.endsWith('.ics') ? await openCalendarFeed(token.slice(0, -4)) : null;
  if (feed === null) return new Response('Not found', { status: 404 });
  const { etag, lastModified } = await feed.version();
  const headers = {
    // Kept by the calendar app only, and checked with the server before each use.
    'cache-control': 'private, no-cache',
    etag,
    'last-modified': lastModified.toUTCString(),
    'x-robots-tag': 'noindex',
  };
  const conditions = {
    'if-none-match': request.headers.get('if-none-match') ?? undefined,
    'if-modified-since': request.headers.get('if-modified-since') ?? undefined,
  };
  if (fresh(conditions, headers)) return new Response(null, { status: 304, headers });
  return new Response(await feed.ics(), {
    headers: { ...headers, 'content-type': 'text/calendar; charset=utf-8' },
  });
}

import 'server-only';
import { eq } from 'drizzle-orm';
import { calendarFeeds } from '@/db/schema';
import { limitPublicTokenRequest, type PublicTokenKind } from '@/server/public-token-rate-limit';

const calendarFeed: PublicTokenKind = {
  name: 'feed',
  exists: async (tx, tokenHash) =>
    (
      await tx
        .select({ userId: calendarFeeds.userId })
        .from(calendarFeeds)
        .where(eq(calendarFeeds.tokenHash, tokenHash))
        .limit(1)
    ).length > 0,
  refusal: 'Too many requests for this calendar feed. Try again in a few minutes.',
};

/** The rate limit of `/calendar/feed/<token>.ics` (see limitPublicTokenRequest). */
export function limitCalendarFeedRequest(pathname: string, headers: Headers, now = new Date()) {
  const file = pathname.split('/')[3] ?? '';
  return limitPublicTokenRequest(calendarFeed, file.replace(/\.ics$/, ''), headers, now);
}

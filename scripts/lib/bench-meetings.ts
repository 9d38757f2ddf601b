import { sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { calendarFeeds } from '@/db/schema';
import { calendarRange } from '@/lib/calendar';
import { localDateOf } from '@/lib/zoned-time';
import type { CurrentUser } from '@/server/auth/session';
import { calendarFeedFor, feedPath, openCalendarFeed } from '@/server/meetings/feed';
import { listCalendarMeetings } from '@/server/meetings/queries';
import { createShareToken } from '@/server/proposals/share-token';

/**
 * The calendar's bench cases on the large seed: this week of its busiest person, the whole team's
 * week, and that person's subscription feed (2,000 meetings, the most a feed carries), fetched
 * whole and re-fetched unchanged (304).
 */
export async function meetingBenchScenarios(viewer: CurrentUser) {
  const [busiest] = await db.execute<{ id: string }>(sql`
    select id from users where role = 'executive' and active order by name limit 1`);
  const team = await db.execute<{ id: string }>(
    sql`select id from users where active order by name`,
  );
  const busyId = busiest?.id ?? viewer.id;
  const { token, hash } = createShareToken();
  await db
    .insert(calendarFeeds)
    .values({ userId: busyId, tokenHash: hash })
    .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash: hash } });
  const date = localDateOf(new Date(), viewer.timeZone);
  const range = calendarRange('week', date, viewer.timeZone);
  const week = (people: string[]) =>
    listCalendarMeetings(viewer, {
      from: range.from,
      to: range.to,
      people,
      clients: [],
      kinds: [],
    });
  const everyone = team.map((row) => row.id);
  const feed = await openCalendarFeed(token);
  const { etag } = await feed!.version();
  return [
    {
      name: 'calendar week of a busy person',
      request: { path: `/calendar?people=${busyId}` },
      run: () => week([busyId]),
    },
    {
      name: 'team calendar week (everyone)',
      request: { path: `/calendar?people=${everyone.join(',')}` },
      run: () => week(everyone),
    },
    {
      name: 'calendar feed (2,000 meetings)',
      request: { path: feedPath(token) },
      run: () => calendarFeedFor(token),
      plan: async () => [await feed!.statement()],
    },
    {
      name: 'calendar feed re-fetched unchanged (304)',
      request: { path: feedPath(token), headers: { 'if-none-match': etag } },
      run: () => feed!.version(),
      plan: async () => [await feed!.statement()],
    },
  ];
}

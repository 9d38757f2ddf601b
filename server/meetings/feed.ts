import 'server-only';
import { and, eq, gte, inArray, or } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db/client';
import { calendarFeeds, meetingAttendees, meetings, users } from '@/db/schema';
import { defineAction } from '@/server/action';
import type { CurrentUser } from '@/server/auth/session';
import {
  createShareToken,
  hashShareToken,
  shareTokenPattern,
} from '@/server/proposals/share-token';
import { addMeetingEvent, newCalendar } from './ics';
import { loadIcsMeetings } from './records';
import { visibleMeetings } from './visibility';

/** A feed holds meetings from this many days back on. */
export const feedDaysBack = 30;
/** How often calendar apps are asked to fetch the feed again (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
export const feedRefreshSeconds = 3600;
/** The most meetings one feed carries, the earliest first: calendar apps slow down past it. */
const feedLimit = 2000;

/** The feed's address for a token: `/calendar/feed/<token>.ics`. */
export function feedPath(token: string) {
  return `/calendar/feed/${token}.ics`;
}

/** Creates the user's feed link, or replaces it (the old one stops working); the token is shown once. */
export const createCalendarFeedCommand = defineAction({
  schema: z.object({}),
  permission: 'profile.own',
  async run(_input, { tx, user, audit }) {
    const { token, hash } = createShareToken();
    await tx
      .insert(calendarFeeds)
      .values({ userId: user.id, tokenHash: hash })
      .onConflictDoUpdate({
        target: calendarFeeds.userId,
        set: { tokenHash: hash, createdAt: new Date() },
      });
    await audit({ action: 'calendarFeed.created', entityType: 'user', entityId: user.id });
    return { path: feedPath(token) };
  },
});

export const revokeCalendarFeedCommand = defineAction({
  schema: z.object({}),
  permission: 'profile.own',
  async run(_input, { tx, user, audit }) {
    const removed = await tx
      .delete(calendarFeeds)
      .where(eq(calendarFeeds.userId, user.id))
      .returning({ userId: calendarFeeds.userId });
    if (removed.length > 0) {
      await audit({ action: 'calendarFeed.revoked', entityType: 'user', entityId: user.id });
    }
    return { revoked: removed.length > 0 };
  },
});

/** Whether the user has a live feed link, and since when. */
export async function getCalendarFeed(viewer: CurrentUser) {
  const [row] = await db
    .select({ createdAt: calendarFeeds.createdAt })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.userId, viewer.id));
  return row ?? null;
}

/** The active user a feed token belongs to, as the viewer its meetings are read for. */
async function feedOwner(token: string): Promise<CurrentUser | null> {
  if (!shareTokenPattern.test(token)) return null;
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      timeZone: users.timeZone,
      locale: users.locale,
      active: users.active,
    })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(eq(calendarFeeds.tokenHash, hashShareToken(token)));
  if (!row?.active) return null;
  return { ...row, timeZoneChosen: true, mustChangePassword: false };
}

/**
 * The `.ics` feed behind a token: the owner's meetings (attending or organising) from 30 days
 * back on, cancelled ones kept with STATUS:CANCELLED, and nothing the owner could not see under
 * the record visibility. Null for an unknown, revoked or deactivated user's token.
 */
export async function calendarFeedFor(token: string, now = new Date()) {
  const owner = await feedOwner(token);
  if (!owner) return null;
  const since = new Date(now.getTime() - feedDaysBack * 86_400_000);
  const rows = await db
    .select({ id: meetings.id })
    .from(meetings)
    .where(
      and(
        gte(meetings.startsAt, since),
        or(
          eq(meetings.organizerId, owner.id),
          inArray(
            meetings.id,
            db
              .select({ id: meetingAttendees.meetingId })
              .from(meetingAttendees)
              .where(
                and(eq(meetingAttendees.userId, owner.id), gte(meetingAttendees.startsAt, since)),
              ),
          ),
        ),
        await visibleMeetings(owner),
      ),
    )
    .orderBy(meetings.startsAt)
    .limit(feedLimit);
  const calendar = newCalendar({
    name: `Accord: ${owner.name}`,
    refreshSeconds: feedRefreshSeconds,
  });
  for (const meeting of await loadIcsMeetings(
    db,
    rows.map((row) => row.id),
  )) {
    addMeetingEvent(calendar, meeting);
  }
  return calendar.toString();
}

/** One meeting as an `.ics` download, for a viewer who may see it; null otherwise. */
export async function meetingIcsFor(viewer: CurrentUser, meetingId: string) {
  const [visible] = await db
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), await visibleMeetings(viewer)));
  if (!visible) return null;
  const [meeting] = await loadIcsMeetings(db, [visible.id]);
  if (!meeting) return null;
  const calendar = newCalendar({ name: meeting.title });
  addMeetingEvent(calendar, meeting);
  return { content: calendar.toString(), fileName: `${meeting.title}.ics` };
}

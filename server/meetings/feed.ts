import 'server-only';
import { createHash } from 'node:crypto';
import { and, count, eq, gte, inArray, max, or } from 'drizzle-orm';
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
 * The owner's meetings a feed holds: attending or organising, from `since` on, cancelled ones
 * included, and nothing the owner could not see under the record visibility.
 */
async function feedMeetings(owner: CurrentUser, since: Date) {
  return and(
    gte(meetings.startsAt, since),
    or(
      eq(meetings.organizerId, owner.id),
      inArray(
        meetings.id,
        db
          .select({ id: meetingAttendees.meetingId })
          .from(meetingAttendees)
          .where(and(eq(meetingAttendees.userId, owner.id), gte(meetingAttendees.startsAt, since))),
      ),
    ),
    await visibleMeetings(owner),
  );
}

/** What a re-fetch compares: an ETag and a Last-Modified that move whenever the feed's content does. */
export type CalendarFeedVersion = { etag: string; lastModified: Date };

/**
 * The feed's version from one aggregate over the same meetings: their count (a meeting leaving
 * the window or the owner's sight) and their latest change (every edit, move and cancellation
 * moves `updated_at`), with the owner's name that titles the calendar.
 */
async function feedVersion(owner: CurrentUser, since: Date): Promise<CalendarFeedVersion> {
  const [row] = await db
    .select({ count: count(), lastChange: max(meetings.updatedAt) })
    .from(meetings)
    .where(await feedMeetings(owner, since));
  const lastModified = row?.lastChange ?? new Date(0);
  const digest = createHash('sha256')
    .update(JSON.stringify([owner.id, owner.name, row?.count ?? 0, lastModified.getTime()]))
    .digest('base64url');
  return { etag: `"${digest}"`, lastModified };
}

async function feedIcs(owner: CurrentUser, since: Date) {
  const rows = await db
    .select({ id: meetings.id })
    .from(meetings)
    .where(await feedMeetings(owner, since))
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

/**
 * The feed behind a token, with its version read apart from its content so that a re-fetch of an
 * unchanged feed costs one aggregate query. Null for an unknown, revoked or deactivated user's
 * token.
 */
export async function openCalendarFeed(token: string, now = new Date()) {
  const owner = await feedOwner(token);
  if (!owner) return null;
  const since = new Date(now.getTime() - feedDaysBack * 86_400_000);
  return { version: () => feedVersion(owner, since), ics: () => feedIcs(owner, since) };
}

/** The `.ics` text of the feed behind a token (see openCalendarFeed), or null. */
export async function calendarFeedFor(token: string, now = new Date()) {
  const feed = await openCalendarFeed(token, now);
  return feed ? feed.ics() : null;
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

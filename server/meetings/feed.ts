import 'server-only';
import { createHash } from 'node:crypto';
import { and, eq, gte, max, sql, type SQL } from 'drizzle-orm';
import { union } from 'drizzle-orm/pg-core';
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
export const feedLimit = 2000;

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
 * The meetings a feed carries: the owner's (attending or organising) from `since` on, cancelled
 * ones included, nothing the owner could not see, the earliest `feedLimit` of them. Each way in
 * is read in start order off its own index and cut at the limit, so a busy person's feed reads at
 * most twice the limit: the two ways joined by an OR made PostgreSQL read every meeting from
 * `since` on (17,000 of them the busiest person's on the large seed). `visible` is the owner's
 * visibleMeetings.
 */
function feedPage(owner: CurrentUser, since: Date, visible: SQL | undefined) {
  const organised = db
    .select({ id: meetings.id, startsAt: meetings.startsAt, updatedAt: meetings.updatedAt })
    .from(meetings)
    .where(and(eq(meetings.organizerId, owner.id), gte(meetings.startsAt, since), visible))
    .orderBy(meetings.startsAt, meetings.id)
    .limit(feedLimit);
  const attended = db
    .select({
      id: meetingAttendees.meetingId,
      startsAt: meetingAttendees.startsAt,
      updatedAt: meetings.updatedAt,
    })
    .from(meetingAttendees)
    .innerJoin(meetings, eq(meetings.id, meetingAttendees.meetingId))
    .where(
      and(eq(meetingAttendees.userId, owner.id), gte(meetingAttendees.startsAt, since), visible),
    )
    .orderBy(meetingAttendees.startsAt, meetingAttendees.meetingId)
    .limit(feedLimit);
  return union(organised, attended)
    .orderBy(sql`2, 1`)
    .limit(feedLimit);
}

/** What a re-fetch compares: an ETag and a Last-Modified that move whenever the feed's content does. */
export type CalendarFeedVersion = { etag: string; lastModified: Date };

/**
 * The feed's version from one aggregate over the meetings it carries: which they are (a meeting
 * entering or leaving the window, the limit or the owner's sight) and their latest change (every
 * edit, move and cancellation moves `updated_at`), with the owner's name that titles the calendar.
 */
async function feedVersion(owner: CurrentUser, since: Date): Promise<CalendarFeedVersion> {
  const page = feedPage(owner, since, await visibleMeetings(owner)).as('page');
  const [row] = await db
    .select({
      members: sql<string | null>`md5(string_agg(${page.id}::text, ',' order by ${page.id}))`,
      lastChange: max(page.updatedAt),
    })
    .from(page);
  const lastModified = row?.lastChange ?? new Date(0);
  const digest = createHash('sha256')
    .update(JSON.stringify([owner.id, owner.name, row?.members ?? '', lastModified.getTime()]))
    .digest('base64url');
  return { etag: `"${digest}"`, lastModified };
}

async function feedIcs(owner: CurrentUser, since: Date) {
  const rows = await feedPage(owner, since, await visibleMeetings(owner));
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
  return {
    version: () => feedVersion(owner, since),
    ics: () => feedIcs(owner, since),
    /** The statement both read, for the benchmark's check of its plan. */
    statement: async () => feedPage(owner, since, await visibleMeetings(owner)).toSQL(),
  };
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

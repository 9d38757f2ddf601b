import 'server-only';
import { and, asc, desc, eq, gt, gte, inArray, lt, or, sql } from 'drizzle-orm';
import { forbidden, notFound } from 'next/navigation';
import { db } from '@/db/client';
import {
  clients,
  contacts,
  deals,
  meetingAttendees,
  meetingContacts,
  meetings,
  meetingSeries,
  users,
} from '@/db/schema';
import { findFreeSlots } from '@/lib/free-slots';
import { withBuffer, type Interval, type MeetingKind } from '@/lib/meetings';
import { addDays, localDateOf, zonedTimeToInstant, type LocalDate } from '@/lib/zoned-time';
import { can } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';
import { findVisibleClient } from '@/server/clients/queries';
import { visibleClients } from '@/server/clients/visibility';
import { isInPerson } from './conflicts';
import { getTravelBuffers } from './travel-buffers';
import { visibleMeetings } from './visibility';

// Meetings are read by everyone who reads the client database (DESIGN.md §1).
function assertCanRead(viewer: CurrentUser) {
  if (!can(viewer, 'clients.read')) forbidden();
}

/** A calendar shows at most this many meetings at once; a narrower choice shows the rest. */
export const calendarMeetingLimit = 1000;

/** Meetings are at most a day long, so a range only needs to look one day before its start. */
const dayMs = 86_400_000;

export type CalendarSelection = {
  from: Date;
  to: Date;
  /** Each person's calendar: the meetings they attend. */
  people: string[];
  /** Each client's calendar. */
  clients: string[];
  /** Each kind's calendar: every meeting of that kind. */
  kinds: MeetingKind[];
};

const calendarColumns = {
  id: meetings.id,
  kind: meetings.kind,
  title: meetings.title,
  status: meetings.status,
  startsAt: meetings.startsAt,
  endsAt: meetings.endsAt,
  timeZone: meetings.timeZone,
  location: meetings.location,
  videoUrl: meetings.videoUrl,
  version: meetings.version,
  seriesId: meetings.seriesId,
  clientId: meetings.clientId,
  clientName: clients.name,
};

/**
 * The meetings of every calendar switched on (a person's, a client's, a kind's) that fall in
 * `from`–`to`, each with the people of the chosen calendars who attend it (for its colour).
 * A person's calendar reads their attendee rows by index, never a scan of all meetings.
 */
export async function listCalendarMeetings(viewer: CurrentUser, selection: CalendarSelection) {
  assertCanRead(viewer);
  const inRange = and(lt(meetings.startsAt, selection.to), gt(meetings.endsAt, selection.from));
  const attendedBy =
    selection.people.length > 0
      ? inArray(
          meetings.id,
          db
            .select({ id: meetingAttendees.meetingId })
            .from(meetingAttendees)
            .where(
              and(
                inArray(meetingAttendees.userId, selection.people),
                gte(meetingAttendees.startsAt, new Date(selection.from.getTime() - dayMs)),
                lt(meetingAttendees.startsAt, selection.to),
                gt(meetingAttendees.endsAt, selection.from),
              ),
            ),
        )
      : undefined;
  const calendars = or(
    attendedBy,
    selection.clients.length > 0 ? inArray(meetings.clientId, selection.clients) : undefined,
    selection.kinds.length > 0 ? inArray(meetings.kind, selection.kinds) : undefined,
  );
  if (!calendars) return { meetings: [], truncated: false };
  const rows = await db
    .select(calendarColumns)
    .from(meetings)
    .innerJoin(clients, eq(clients.id, meetings.clientId))
    .where(
      and(
        inRange,
        gte(meetings.startsAt, new Date(selection.from.getTime() - dayMs)),
        calendars,
        await visibleMeetings(viewer),
      ),
    )
    .orderBy(asc(meetings.startsAt), asc(meetings.id))
    .limit(calendarMeetingLimit + 1);
  const shown = rows.slice(0, calendarMeetingLimit);
  const attending =
    selection.people.length > 0 && shown.length > 0
      ? await db
          .select({ meetingId: meetingAttendees.meetingId, userId: meetingAttendees.userId })
          .from(meetingAttendees)
          .where(
            and(
              inArray(
                meetingAttendees.meetingId,
                shown.map((row) => row.id),
              ),
              inArray(meetingAttendees.userId, selection.people),
            ),
          )
      : [];
  return {
    meetings: shown.map((row) => ({
      ...row,
      attendeeIds: attending.filter((a) => a.meetingId === row.id).map((a) => a.userId),
    })),
    truncated: rows.length > calendarMeetingLimit,
  };
}

export type CalendarMeeting = Awaited<ReturnType<typeof listCalendarMeetings>>['meetings'][number];

/** One meeting the viewer may see, with its people; "not found" otherwise. */
export async function getMeeting(viewer: CurrentUser, meetingId: string) {
  assertCanRead(viewer);
  const [row] = await db
    .select({
      meeting: meetings,
      clientName: clients.name,
      dealName: deals.name,
      organizerName: users.name,
      series: {
        frequency: meetingSeries.frequency,
        interval: meetingSeries.interval,
        weekdays: meetingSeries.weekdays,
        untilDate: meetingSeries.untilDate,
        count: meetingSeries.count,
      },
    })
    .from(meetings)
    .innerJoin(clients, eq(clients.id, meetings.clientId))
    .leftJoin(deals, eq(deals.id, meetings.dealId))
    .leftJoin(users, eq(users.id, meetings.organizerId))
    .leftJoin(meetingSeries, eq(meetingSeries.id, meetings.seriesId))
    .where(and(eq(meetings.id, meetingId), await visibleMeetings(viewer)))
    .limit(1);
  if (!row) notFound();
  const [attendees, guests] = await Promise.all([
    db
      .select({ id: users.id, name: users.name, timeZone: users.timeZone })
      .from(meetingAttendees)
      .innerJoin(users, eq(users.id, meetingAttendees.userId))
      .where(eq(meetingAttendees.meetingId, meetingId))
      .orderBy(asc(users.name)),
    db
      .select({ id: contacts.id, name: contacts.name, email: contacts.email })
      .from(meetingContacts)
      .innerJoin(contacts, eq(contacts.id, meetingContacts.contactId))
      .where(eq(meetingContacts.meetingId, meetingId))
      .orderBy(asc(contacts.name)),
  ]);
  return {
    ...row.meeting,
    clientName: row.clientName,
    dealName: row.dealName,
    organizerName: row.organizerName,
    series: row.meeting.seriesId ? row.series : null,
    attendees,
    contacts: guests,
  };
}

export type MeetingDetail = Awaited<ReturnType<typeof getMeeting>>;

/** How many upcoming and how many recent meetings the client page lists. */
export const clientMeetingsLimit = 5;

/**
 * The client page's meetings: the next scheduled ones (soonest first) and the latest that began
 * (newest first, whatever their status), within the viewer's visibility.
 */
export async function listClientMeetings(viewer: CurrentUser, clientId: string, now = new Date()) {
  assertCanRead(viewer);
  const visible = and(eq(meetings.clientId, clientId), await visibleMeetings(viewer));
  const { id, kind, title, status, startsAt, endsAt } = calendarColumns;
  const columns = { id, kind, title, status, startsAt, endsAt };
  const [upcoming, recent] = await Promise.all([
    db
      .select(columns)
      .from(meetings)
      .where(and(visible, gte(meetings.startsAt, now), eq(meetings.status, 'scheduled')))
      .orderBy(asc(meetings.startsAt), asc(meetings.id))
      .limit(clientMeetingsLimit),
    db
      .select(columns)
      .from(meetings)
      .where(and(visible, lt(meetings.startsAt, now)))
      .orderBy(desc(meetings.startsAt), desc(meetings.id))
      .limit(clientMeetingsLimit),
  ]);
  return { upcoming, recent };
}

export type ClientMeeting = Awaited<ReturnType<typeof listClientMeetings>>['upcoming'][number];

/**
 * The first `limit` scheduled meetings `viewer` attends on `day` of their own calendar (today by
 * default), in order, each with how many there are that day: "today's meetings" on My work.
 */
export async function meetingsForUserOnDay(viewer: CurrentUser, day?: LocalDate, limit = 100) {
  assertCanRead(viewer);
  const date = day ?? localDateOf(new Date(), viewer.timeZone);
  const from = zonedTimeToInstant(date, '00:00', viewer.timeZone);
  const to = zonedTimeToInstant(addDays(date, 1), '00:00', viewer.timeZone);
  return db
    .select({ ...calendarColumns, dayTotal: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(meetingAttendees)
    .innerJoin(meetings, eq(meetings.id, meetingAttendees.meetingId))
    .innerJoin(clients, eq(clients.id, meetings.clientId))
    .where(
      and(
        eq(meetingAttendees.userId, viewer.id),
        gte(meetingAttendees.startsAt, new Date(from.getTime() - dayMs)),
        lt(meetingAttendees.startsAt, to),
        gt(meetingAttendees.endsAt, from),
        eq(meetings.status, 'scheduled'),
        await visibleMeetings(viewer),
      ),
    )
    .orderBy(asc(meetings.startsAt), asc(meetings.id))
    .limit(limit);
}

/** How far ahead "find a time" looks. */
export const findTimeDays = 14;

/**
 * The next free slots of `durationMinutes` for `attendeeIds` over the next two weeks, within each
 * one's working hours in their own zone, around their scheduled meetings (travel buffers around
 * in-person ones). Busy times are shown whatever the record visibility: they name no meeting.
 */
export async function findMeetingTimes(
  viewer: CurrentUser,
  input: { attendeeIds: string[]; durationMinutes: number },
  now = new Date(),
) {
  assertCanRead(viewer);
  const horizon = new Date(now.getTime() + findTimeDays * dayMs);
  const [people, busy, buffers] = await Promise.all([
    db
      .select({
        id: users.id,
        timeZone: users.timeZone,
        workingHoursStart: users.workingHoursStart,
        workingHoursEnd: users.workingHoursEnd,
        workingDays: users.workingDays,
      })
      .from(users)
      .where(and(inArray(users.id, input.attendeeIds), eq(users.active, true))),
    db
      .select({
        userId: meetingAttendees.userId,
        startsAt: meetingAttendees.startsAt,
        endsAt: meetingAttendees.endsAt,
        location: meetings.location,
        videoUrl: meetings.videoUrl,
      })
      .from(meetingAttendees)
      .innerJoin(meetings, eq(meetings.id, meetingAttendees.meetingId))
      .where(
        and(
          inArray(meetingAttendees.userId, input.attendeeIds),
          eq(meetingAttendees.busy, true),
          gte(meetingAttendees.startsAt, new Date(now.getTime() - dayMs)),
          lt(meetingAttendees.startsAt, horizon),
        ),
      ),
    getTravelBuffers(),
  ]);
  const buffer = buffers.inPersonMinutes;
  const busyOf = (userId: string): Interval[] =>
    busy
      .filter((row) => row.userId === userId)
      .map((row) => {
        const meeting = { start: row.startsAt, end: row.endsAt };
        return isInPerson(row) ? withBuffer(meeting, buffer, buffer) : meeting;
      });
  return findFreeSlots({
    attendees: people.map((person) => ({
      timeZone: person.timeZone,
      workingHoursStart: person.workingHoursStart.slice(0, 5),
      workingHoursEnd: person.workingHoursEnd.slice(0, 5),
      workingDays: person.workingDays,
      busy: busyOf(person.id),
    })),
    durationMinutes: input.durationMinutes,
    from: now,
    days: findTimeDays,
  });
}

/** Active people, for the attendee list and the calendar's people. */
export async function listMeetingPeople(viewer: CurrentUser) {
  assertCanRead(viewer);
  return db
    .select({ id: users.id, name: users.name, role: users.role, timeZone: users.timeZone })
    .from(users)
    .where(eq(users.active, true))
    .orderBy(asc(users.name));
}

export type MeetingPerson = Awaited<ReturnType<typeof listMeetingPeople>>[number];

/** The contacts and deals of a client the viewer may see, for the meeting form. */
export async function listClientMeetingOptions(viewer: CurrentUser, clientId: string) {
  assertCanRead(viewer);
  const client = await findVisibleClient(viewer, clientId);
  if (!client) return null;
  const [clientContacts, clientDeals] = await Promise.all([
    db
      .select({ id: contacts.id, name: contacts.name })
      .from(contacts)
      .where(eq(contacts.clientId, clientId))
      .orderBy(asc(contacts.name)),
    db
      .select({ id: deals.id, name: deals.name })
      .from(deals)
      .where(eq(deals.clientId, clientId))
      .orderBy(asc(deals.name))
      .limit(100),
  ]);
  return { client, contacts: clientContacts, deals: clientDeals };
}

export type ClientMeetingOptions = NonNullable<
  Awaited<ReturnType<typeof listClientMeetingOptions>>
>;

/** The viewer's working hours, where their calendar's day starts. */
export async function getWorkingHours(viewer: CurrentUser) {
  const [row] = await db
    .select({ start: users.workingHoursStart, end: users.workingHoursEnd })
    .from(users)
    .where(eq(users.id, viewer.id));
  return { start: row?.start.slice(0, 5) ?? '09:00', end: row?.end.slice(0, 5) ?? '17:00' };
}

/** The names of the clients whose calendars are switched on. */
export async function listCalendarClients(viewer: CurrentUser, clientIds: string[]) {
  if (clientIds.length === 0) return [];
  return db
    .select({ id: clients.id, name: clients.name })
    .from(clients)
    .where(and(inArray(clients.id, clientIds), await visibleClients(viewer)))
    .orderBy(asc(clients.name));
}

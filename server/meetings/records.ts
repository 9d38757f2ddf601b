import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor, Transaction } from '@/db/client';
import {
  clients,
  contacts,
  deals,
  meetingAttendees,
  meetingContacts,
  meetings,
  users,
  type Meeting,
} from '@/db/schema';
import { formatMeetingTime } from '@/lib/meetings';
import type { CurrentUser } from '@/server/auth/session';
import { conflict, notFound } from '@/server/errors';
import { notify } from '@/server/notifications/notify';
import type { BusyOverlap } from './conflicts';
import { invitationIcs, type IcsMeeting } from './ics';
import { visibleMeetings } from './visibility';
import { isAnyUuid } from '@/server/sql';

/** Locks a meeting the user may see; one outside their visibility is "not found". */
export async function lockVisibleMeeting(tx: Transaction, user: CurrentUser, meetingId: string) {
  const [meeting] = await tx
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), await visibleMeetings(user)))
    .for('update')
    .limit(1);
  if (!meeting) throw notFound('meeting');
  return meeting;
}

/** Refuses a change to a meeting that is no longer scheduled. */
export function assertScheduled(meeting: Meeting) {
  if (meeting.status !== 'scheduled') {
    throw conflict(`This meeting is ${meeting.status}; only a scheduled meeting can be changed.`);
  }
}

/** Checks that the deal, the people and the contacts chosen belong where they must. */
export async function assertMeetingLinks(
  tx: Transaction,
  clientId: string,
  input: { dealId?: string | null; attendeeIds: string[]; contactIds: string[] },
) {
  const fieldErrors: Record<string, string[]> = {};
  if (input.dealId) {
    const [deal] = await tx
      .select({ id: deals.id })
      .from(deals)
      .where(and(eq(deals.id, input.dealId), eq(deals.clientId, clientId)));
    if (!deal) fieldErrors.dealId = ['Choose a deal of this client.'];
  }
  const attendeeIds = [...new Set(input.attendeeIds)];
  const active = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, attendeeIds), eq(users.active, true)));
  if (active.length !== attendeeIds.length) fieldErrors.attendeeIds = ['Choose active people.'];
  const contactIds = [...new Set(input.contactIds)];
  if (contactIds.length > 0) {
    const found = await tx
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(inArray(contacts.id, contactIds), eq(contacts.clientId, clientId)));
    if (found.length !== contactIds.length) {
      fieldErrors.contactIds = ['Choose contacts of this client.'];
    }
  }
  if (Object.keys(fieldErrors).length > 0) {
    throw conflict('Check the highlighted fields.', fieldErrors);
  }
  return { attendeeIds, contactIds };
}

/** Replaces the attendees and contacts of `meetingIds`, copying each meeting's times onto its rows. */
export async function writeMeetingPeople(
  tx: Transaction,
  rows: { id: string; startsAt: Date; endsAt: Date }[],
  attendeeIds: string[],
  contactIds: string[],
) {
  const ids = rows.map((row) => row.id);
  await tx.delete(meetingAttendees).where(inArray(meetingAttendees.meetingId, ids));
  await tx.delete(meetingContacts).where(inArray(meetingContacts.meetingId, ids));
  await tx.insert(meetingAttendees).values(
    rows.flatMap((row) =>
      attendeeIds.map((userId) => ({
        meetingId: row.id,
        userId,
        startsAt: row.startsAt,
        endsAt: row.endsAt,
      })),
    ),
  );
  if (contactIds.length > 0) {
    await tx
      .insert(meetingContacts)
      .values(
        rows.flatMap((row) => contactIds.map((contactId) => ({ meetingId: row.id, contactId }))),
      );
  }
}

/** The refusal that lists who is busy when, in the organiser's zone, before anything is saved. */
export function overlapRefusal(overlaps: BusyOverlap[], viewer: CurrentUser) {
  const lines = overlaps.map(
    (overlap) =>
      `${overlap.userName} is busy ${formatMeetingTime(overlap.startsAt, overlap.endsAt, viewer)} (${overlap.title}).`,
  );
  return conflict(
    `This overlaps ${overlaps.length === 1 ? 'a meeting' : `${overlaps.length} meetings`} of the people invited. Save anyway to keep both.`,
    { overlap: lines },
  );
}

/** The meetings as `.ics` events: times, people and the client, read in the caller's transaction. */
export async function loadIcsMeetings(
  executor: Executor,
  meetingIds: string[],
): Promise<(IcsMeeting & { clientId: string })[]> {
  if (meetingIds.length === 0) return [];
  const rows = await executor
    .select({
      meeting: meetings,
      clientName: clients.name,
      organizerName: users.name,
      organizerEmail: users.email,
    })
    .from(meetings)
    .innerJoin(clients, eq(clients.id, meetings.clientId))
    .leftJoin(users, eq(users.id, meetings.organizerId))
    .where(isAnyUuid(meetings.id, meetingIds))
    .orderBy(asc(meetings.startsAt));
  const [people, guests] = await Promise.all([
    executor
      .select({ meetingId: meetingAttendees.meetingId, name: users.name, email: users.email })
      .from(meetingAttendees)
      .innerJoin(users, eq(users.id, meetingAttendees.userId))
      .where(isAnyUuid(meetingAttendees.meetingId, meetingIds)),
    executor
      .select({ meetingId: meetingContacts.meetingId, name: contacts.name, email: contacts.email })
      .from(meetingContacts)
      .innerJoin(contacts, eq(contacts.id, meetingContacts.contactId))
      .where(isAnyUuid(meetingContacts.meetingId, meetingIds)),
  ]);
  // Grouped once: filtering every attendee list per meeting cost a feed of 2,000 meetings millions
  // of comparisons.
  const attendeesByMeeting = new Map<string, (typeof people | typeof guests)[number][]>();
  for (const person of [...people, ...guests]) {
    const list = attendeesByMeeting.get(person.meetingId);
    if (list) list.push(person);
    else attendeesByMeeting.set(person.meetingId, [person]);
  }
  return rows.map(({ meeting, clientName, organizerName, organizerEmail }) => ({
    ...meeting,
    clientName,
    organizer:
      organizerName && organizerEmail ? { name: organizerName, email: organizerEmail } : null,
    attendees: attendeesByMeeting.get(meeting.id) ?? [],
  }));
}

const noticeTitles = {
  meeting_invited: 'Invitation',
  meeting_updated: 'Updated',
  meeting_cancelled: 'Cancelled',
} as const;

/**
 * Tells `recipients` about the meetings in-app and, through the e-mail job, with an `.ics` of the
 * meetings as they are now: a REQUEST for an invitation or an update (same UID, higher SEQUENCE),
 * a CANCEL for a cancellation.
 */
export async function sendMeetingNotice(
  tx: Transaction,
  kind: keyof typeof noticeTitles,
  recipients: string[],
  meetingIds: string[],
  actor: CurrentUser,
) {
  const events = await loadIcsMeetings(tx, meetingIds);
  const first = events[0];
  if (!first || recipients.length === 0) return;
  const method = kind === 'meeting_cancelled' ? 'cancel' : 'request';
  const count = events.length > 1 ? ` (${events.length} meetings)` : '';
  const attachment = {
    filename: kind === 'meeting_cancelled' ? 'cancel.ics' : 'invite.ics',
    contentType: `text/calendar; method=${method.toUpperCase()}; charset=utf-8`,
    content: invitationIcs(events, method),
  };
  const readers = await tx
    .select({ id: users.id, timeZone: users.timeZone, locale: users.locale })
    .from(users)
    .where(inArray(users.id, recipients));
  // One notification each, so the time in it reads in the recipient's own zone and format.
  for (const reader of readers) {
    await notify(
      tx,
      [reader.id],
      {
        kind,
        title: `${noticeTitles[kind]}: ${first.title}${count}`,
        body: `${actor.name}: ${first.title} with ${first.clientName}, ${formatMeetingTime(first.startsAt, first.endsAt, reader)}.`,
        href: `/meetings/${first.id}`,
        clientId: first.clientId,
      },
      actor.id,
      [attachment],
    );
  }
}

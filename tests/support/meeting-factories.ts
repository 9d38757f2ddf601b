import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { db } from '@/db/client';
import { meetings } from '@/db/schema';
import { addDays, localDateOf } from '@/lib/zoned-time';
import { executeAction } from '@/server/action';
import type { CurrentUser } from '@/server/auth/session';
import { createMeetingCommand } from '@/server/meetings/commands';
import { createClientRecord } from './client-factories';
import { expectOk } from './factories';

/** A UTC date `days` from today. */
export function daysFromToday(days: number) {
  return addDays(localDateOf(new Date(), 'UTC'), days);
}

/** The meeting form's fields for `clientId`, one hour tomorrow at 10:00 UTC with `attendeeIds`. */
export function meetingInput(clientId: string, attendeeIds: string[], overrides: object = {}) {
  return {
    kind: 'meeting',
    title: 'Quarterly review',
    clientId,
    date: daysFromToday(1),
    startTime: '10:00',
    endTime: '11:00',
    timeZone: 'UTC',
    location: '',
    videoUrl: 'meet.example.com/abc',
    agenda: '',
    attendeeIds,
    contactIds: [],
    ...overrides,
  };
}

/** Schedules a meeting as `actor` (on a fresh client unless one is named) and returns its row. */
export async function scheduleMeeting(
  actor: CurrentUser,
  attendeeIds: string[],
  overrides: { clientId?: string } & Record<string, unknown> = {},
) {
  const clientId = overrides.clientId ?? (await createClientRecord()).id;
  const { id } = expectOk(
    await executeAction(
      createMeetingCommand,
      actor,
      meetingInput(clientId, attendeeIds, overrides),
    ),
  );
  return readMeeting(id);
}

export async function readMeeting(id: string) {
  const [meeting] = await db.select().from(meetings).where(eq(meetings.id, id));
  if (!meeting) throw new Error('meeting not found');
  return meeting;
}

/** An iCalendar text parsed by ical.js: its METHOD and its events' main properties. */
export function parseIcs(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  // TZID times resolve through the VTIMEZONEs the file itself carries.
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      sequence: event.sequence,
      summary: event.summary,
      status: component.getFirstPropertyValue('status'),
      tzid: component.getFirstProperty('dtstart')?.getParameter('tzid'),
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
      localStart: event.startDate.toString(),
    };
  });
  return {
    method: calendar.getFirstPropertyValue('method'),
    timezones: calendar
      .getAllSubcomponents('vtimezone')
      .map((zone) => zone.getFirstPropertyValue('tzid')),
    refreshInterval: calendar.getFirstPropertyValue('refresh-interval')?.toString(),
    publishedTtl: calendar.getFirstPropertyValue('x-published-ttl'),
    events,
  };
}

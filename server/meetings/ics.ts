import 'server-only';
import { TZDate } from '@date-fns/tz';
import ical, {
  ICalAttendeeRole,
  ICalCalendarMethod,
  ICalEventStatus,
  type ICalCalendar,
} from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { meetingKindLabels, type MeetingKind, type MeetingStatus } from '@/lib/meetings';
import { absoluteUrl } from '@/server/notifications/email';

/** What an `.ics` event needs of a meeting. */
export type IcsMeeting = {
  id: string;
  kind: MeetingKind;
  title: string;
  clientName: string;
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  videoUrl: string | null;
  agenda: string | null;
  status: MeetingStatus;
  sequence: number;
  createdAt: Date;
  updatedAt: Date;
  organizer: { name: string; email: string } | null;
  attendees: { name: string; email: string | null }[];
};

/** A meeting's UID: the same in every invitation, update, cancellation and feed. */
export function meetingUid(meetingId: string) {
  return `meeting-${meetingId}@accord`;
}

/**
 * A meeting time in its zone that ical-generator formats as it is: it asks every zoned date for
 * the same date in the event's zone, and a second TZDate per time doubled the feed's zone work.
 */
class EventZonedDate extends TZDate {
  override withTimeZone(timeZone: string): TZDate {
    return timeZone === this.timeZone ? this : super.withTimeZone(timeZone);
  }
}

const vtimezones = new Map<string, string | null>();

/** The VTIMEZONE of an IANA zone, or null for UTC and zones the library has none for. */
function vtimezone(zone: string) {
  if (!vtimezones.has(zone)) {
    const block = zone === 'UTC' ? null : tzlib_get_ical_block(zone);
    vtimezones.set(zone, Array.isArray(block) ? (block[0] ?? null) : null);
  }
  return vtimezones.get(zone) ?? null;
}

/** A calendar whose events carry TZID times, each zone with its VTIMEZONE. */
export function newCalendar(options: {
  name: string;
  method?: 'request' | 'cancel' | 'publish';
  /** For subscribed feeds: how often calendar apps should fetch again. */
  refreshSeconds?: number;
}): ICalCalendar {
  const method = {
    request: ICalCalendarMethod.REQUEST,
    cancel: ICalCalendarMethod.CANCEL,
    publish: ICalCalendarMethod.PUBLISH,
  }[options.method ?? 'publish'];
  const calendar = ical({
    // ical-generator writes the calendar's name (NAME, X-WR-CALNAME) unescaped: a line break in a
    // meeting's title would start properties and events of its own.
    name: options.name.replace(/[\r\n]+/g, ' '),
    prodId: { company: 'Accord', product: 'Accord calendar', language: 'EN' },
    method,
    ...(options.refreshSeconds ? { ttl: options.refreshSeconds } : {}),
  });
  calendar.timezone({ name: null, generator: vtimezone });
  return calendar;
}

/** Adds `meeting` as a VEVENT at its wall-clock times in the organiser's zone. */
export function addMeetingEvent(calendar: ICalCalendar, meeting: IcsMeeting) {
  const description = [
    `${meetingKindLabels[meeting.kind]} with ${meeting.clientName}`,
    meeting.videoUrl ? `Join: ${meeting.videoUrl}` : null,
    meeting.agenda ? `\nAgenda:\n${meeting.agenda}` : null,
    `\n${absoluteUrl(`/meetings/${meeting.id}`)}`,
  ]
    .filter(Boolean)
    .join('\n');
  calendar.createEvent({
    id: meetingUid(meeting.id),
    sequence: meeting.sequence,
    // Zoned dates: ical-generator writes their wall-clock time under TZID, whatever the server's
    // zone. A zone with no VTIMEZONE (UTC) is written in UTC, since a TZID needs its VTIMEZONE.
    ...(vtimezone(meeting.timeZone)
      ? {
          start: new EventZonedDate(meeting.startsAt, meeting.timeZone),
          end: new EventZonedDate(meeting.endsAt, meeting.timeZone),
          timezone: meeting.timeZone,
        }
      : { start: meeting.startsAt, end: meeting.endsAt }),
    summary: meeting.title,
    description,
    location: meeting.location ?? meeting.videoUrl ?? undefined,
    url: meeting.videoUrl ?? undefined,
    status: meeting.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    created: meeting.createdAt,
    lastModified: meeting.updatedAt,
    stamp: meeting.updatedAt,
    organizer: meeting.organizer ?? undefined,
    attendees: meeting.attendees
      .filter((attendee): attendee is { name: string; email: string } => Boolean(attendee.email))
      .map((attendee) => ({
        name: attendee.name,
        email: attendee.email,
        role: ICalAttendeeRole.REQ,
        rsvp: false,
      })),
  });
}

/** One invitation, update or cancellation: METHOD:REQUEST or CANCEL with each meeting's UID. */
export function invitationIcs(meetings: IcsMeeting[], method: 'request' | 'cancel') {
  const calendar = newCalendar({ name: meetings[0]?.title ?? 'Meeting', method });
  for (const meeting of meetings) addMeetingEvent(calendar, meeting);
  return calendar.toString();
}

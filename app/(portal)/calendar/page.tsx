import type { Metadata } from 'next';
import { CalendarBoard } from '@/components/meetings/calendar-board';
import { calendarRange } from '@/lib/calendar';
import { calendarColours, type MeetingKind } from '@/lib/meetings';
import { calendarParamsSchema } from '@/lib/validation/meetings';
import { localDateOf } from '@/lib/zoned-time';
import { viewerFormat } from '@/lib/format';
import { requirePermission } from '@/server/auth/session';
import {
  getWorkingHours,
  listCalendarClients,
  listCalendarMeetings,
  listMeetingPeople,
} from '@/server/meetings/queries';

export const metadata: Metadata = { title: 'Calendar' };

export default async function CalendarPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requirePermission('clients.read');
  const raw = await searchParams;
  const params = calendarParamsSchema.parse(raw);
  // With no calendar named in the URL, one's own is on.
  const chosen = ['people', 'clients', 'kinds'].some((key) => key in raw);
  const people = chosen ? params.people : [viewer.id];
  const date = params.date ?? localDateOf(new Date(), viewer.timeZone);
  const range = calendarRange(params.view, date, viewer.timeZone);
  const [everyone, clients, hours, listed] = await Promise.all([
    listMeetingPeople(viewer),
    listCalendarClients(viewer, params.clients),
    getWorkingHours(viewer),
    listCalendarMeetings(viewer, {
      from: range.from,
      to: range.to,
      people,
      clients: params.clients,
      kinds: params.kinds,
    }),
  ]);
  // Each calendar switched on gets the next colour: people, then clients, then kinds.
  const calendars = [
    ...people.map((id) => ({ type: 'person' as const, id })),
    ...clients.map((client) => ({ type: 'client' as const, id: client.id })),
    ...params.kinds.map((kind) => ({ type: 'kind' as const, id: kind })),
  ].map((calendar, index) => ({
    ...calendar,
    colour: calendarColours[index % calendarColours.length]!,
  }));
  const colourOf = (meeting: (typeof listed.meetings)[number]) =>
    calendars.find(
      (calendar) =>
        (calendar.type === 'person' && meeting.attendeeIds.includes(calendar.id)) ||
        (calendar.type === 'client' && meeting.clientId === calendar.id) ||
        (calendar.type === 'kind' && meeting.kind === (calendar.id as MeetingKind)),
    )?.colour ?? calendarColours[0];
  return (
    <CalendarBoard
      state={{ view: params.view, date, people, clients: params.clients, kinds: params.kinds }}
      days={range.days}
      today={localDateOf(new Date(), viewer.timeZone)}
      viewer={viewerFormat(viewer)}
      workingHours={hours}
      people={everyone.map(({ id, name }) => ({ id, name }))}
      clients={clients}
      colours={Object.fromEntries(
        calendars.map((calendar) => [`${calendar.type}:${calendar.id}`, calendar.colour]),
      )}
      meetings={listed.meetings.map((meeting) => ({
        id: meeting.id,
        title: meeting.title,
        kind: meeting.kind,
        status: meeting.status,
        clientName: meeting.clientName,
        startsAt: meeting.startsAt.toISOString(),
        endsAt: meeting.endsAt.toISOString(),
        timeZone: meeting.timeZone,
        version: meeting.version,
        colour: colourOf(meeting),
      }))}
      truncated={listed.truncated}
    />
  );
}

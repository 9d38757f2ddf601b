import Link from 'next/link';
import { Badge } from '@/components/ui/card';
import type { ViewerFormat } from '@/lib/format';
import { formatMeetingTime, meetingKindLabels, meetingStatusLabels } from '@/lib/meetings';
import { cn } from '@/lib/utils';
import { localDateOf, type LocalDate } from '@/lib/zoned-time';
import type { CalendarEntry } from './calendar-types';

/** The next two weeks as a list, day by day. */
export function AgendaView({
  days,
  meetings,
  viewer,
}: {
  days: LocalDate[];
  meetings: CalendarEntry[];
  viewer: ViewerFormat;
}) {
  const heading = new Intl.DateTimeFormat(viewer.locale, { dateStyle: 'full', timeZone: 'UTC' });
  const byDay = days
    .map((day) => ({
      day,
      entries: meetings.filter(
        (meeting) => localDateOf(new Date(meeting.startsAt), viewer.timeZone) === day,
      ),
    }))
    .filter((group) => group.entries.length > 0);
  if (byDay.length === 0) {
    return (
      <p className="rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-600">
        No meetings in these two weeks on the calendars switched on.
      </p>
    );
  }
  return (
    <div className="space-y-4">
      {byDay.map((group) => (
        <section key={group.day} className="rounded-lg border border-slate-200 bg-white">
          <h2 className="border-b border-slate-200 px-4 py-2 text-sm font-semibold text-slate-800">
            {heading.format(new Date(`${group.day}T12:00:00Z`))}
          </h2>
          <ul className="divide-y divide-slate-100">
            {group.entries.map((meeting) => (
              <li key={meeting.id} className="flex flex-wrap items-center gap-3 px-4 py-2">
                <span
                  aria-hidden
                  className={cn('size-3 shrink-0 rounded-sm border', meeting.colour)}
                />
                <span className="w-44 shrink-0 text-sm text-slate-600">
                  {formatMeetingTime(new Date(meeting.startsAt), new Date(meeting.endsAt), viewer)}
                </span>
                <Link
                  href={`/meetings/${meeting.id}`}
                  className={cn(
                    'min-w-0 flex-1 truncate text-sm font-medium text-brand-700 hover:underline',
                    meeting.status === 'cancelled' && 'line-through',
                  )}
                >
                  {meeting.title}
                </Link>
                <span className="text-sm text-slate-600">{meeting.clientName}</span>
                <Badge>{meetingKindLabels[meeting.kind]}</Badge>
                {meeting.status !== 'scheduled' ? (
                  <Badge tone={meeting.status === 'cancelled' ? 'red' : 'green'}>
                    {meetingStatusLabels[meeting.status]}
                  </Badge>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

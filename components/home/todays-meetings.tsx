import Link from 'next/link';
import { Card } from '@/components/ui/card';
import type { ViewerFormat } from '@/lib/format';
import { formatMeetingTime } from '@/lib/meetings';

/** How many of today's meetings the card lists; the rest are a link to the day's agenda. */
export const todaysMeetingsShown = 8;

/**
 * "My work": the viewer's first scheduled meetings today on their own calendar, in their own
 * zone, and how many more the day holds, linked to the calendar's agenda from `agendaHref`.
 */
export function TodaysMeetings({
  meetings,
  viewer,
  agendaHref,
}: {
  meetings: {
    id: string;
    title: string;
    startsAt: Date;
    endsAt: Date;
    clientName: string;
    dayTotal: number;
  }[];
  viewer: ViewerFormat;
  agendaHref: string;
}) {
  const more = (meetings[0]?.dayTotal ?? 0) - meetings.length;
  return (
    <Card
      title="Today’s meetings"
      actions={
        <Link href="/calendar" className="text-sm font-medium text-brand-700 hover:underline">
          Calendar
        </Link>
      }
    >
      {meetings.length === 0 ? (
        <p className="text-sm text-slate-600">No meetings today.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {meetings.map((meeting) => (
            <li
              key={meeting.id}
              className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
            >
              <span className="min-w-0 break-words">
                <Link
                  href={`/meetings/${meeting.id}`}
                  className="font-medium text-brand-700 hover:underline"
                >
                  {meeting.title}
                </Link>
                <span className="text-slate-600"> · {meeting.clientName}</span>
              </span>
              <span className="text-slate-600">
                {formatMeetingTime(meeting.startsAt, meeting.endsAt, viewer)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {more > 0 ? (
        <Link
          href={agendaHref}
          className="mt-2 inline-block text-sm font-medium text-brand-700 hover:underline"
        >
          {more} more today
        </Link>
      ) : null}
    </Card>
  );
}

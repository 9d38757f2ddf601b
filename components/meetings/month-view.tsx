import Link from 'next/link';
import type { ViewerFormat } from '@/lib/format';
import { formatClockTime } from '@/lib/meetings';
import { cn } from '@/lib/utils';
import { localDateOf, type LocalDate } from '@/lib/zoned-time';
import type { CalendarEntry } from './calendar-types';

const shownPerDay = 3;

/** Six weeks around the month, a few meetings per day and how many more. */
export function MonthView({
  days,
  month,
  today,
  meetings,
  viewer,
}: {
  days: LocalDate[];
  month: string;
  today: LocalDate;
  meetings: CalendarEntry[];
  viewer: ViewerFormat;
}) {
  const byDay = new Map<string, CalendarEntry[]>();
  for (const meeting of meetings) {
    const day = localDateOf(new Date(meeting.startsAt), viewer.timeZone);
    byDay.set(day, [...(byDay.get(day) ?? []), meeting]);
  }
  const weekday = new Intl.DateTimeFormat(viewer.locale, { weekday: 'short', timeZone: 'UTC' });
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <div className="grid min-w-[640px] grid-cols-7">
        {days.slice(0, 7).map((day) => (
          <div
            key={day}
            className="border-b border-slate-200 px-2 py-1 text-xs font-semibold text-slate-600"
          >
            {weekday.format(new Date(`${day}T12:00:00Z`))}
          </div>
        ))}
        {days.map((day) => {
          const entries = byDay.get(day) ?? [];
          return (
            <div
              key={day}
              className={cn(
                'min-h-24 border-b border-l border-slate-100 p-1',
                !day.startsWith(month) && 'bg-slate-50 text-slate-400',
              )}
            >
              <div className={cn('text-xs font-medium', day === today && 'text-brand-700')}>
                {Number(day.slice(8))}
              </div>
              <ul className="mt-1 space-y-0.5">
                {entries.slice(0, shownPerDay).map((meeting) => (
                  <li key={meeting.id}>
                    <Link
                      href={`/meetings/${meeting.id}`}
                      className={cn(
                        'block truncate rounded border-l-4 px-1 text-xs',
                        meeting.colour,
                        meeting.status === 'cancelled' && 'line-through opacity-60',
                      )}
                    >
                      {formatClockTime(new Date(meeting.startsAt), viewer)} {meeting.title}
                    </Link>
                  </li>
                ))}
              </ul>
              {entries.length > shownPerDay ? (
                <p className="mt-0.5 text-xs text-slate-500">
                  +{entries.length - shownPerDay} more
                </p>
              ) : null}
            </div>
          );
        })}
      </div>
    </div>
  );
}

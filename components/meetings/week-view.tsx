'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { toast } from 'sonner';
import { packDayLanes } from '@/lib/calendar-layout';
import type { ViewerFormat } from '@/lib/format';
import { formatClockTime } from '@/lib/meetings';
import { cn } from '@/lib/utils';
import {
  addDays,
  localDateOf,
  localTimeOf,
  minutesOfDay,
  zonedTimeToInstant,
  type LocalDate,
} from '@/lib/zoned-time';
import { moveMeeting } from '@/server/meetings/actions';
import type { CalendarEntry } from './calendar-types';

const hourHeight = 48;
const pixelsPerMinute = hourHeight / 60;
const snapMinutes = 15;
// The shortest box drawn, so a short meeting stays readable; overlaps are judged on what is drawn.
const minBoxHeight = 18;

type Drag = {
  id: string;
  mode: 'move' | 'resize';
  x: number;
  y: number;
  columnWidth: number;
  days: number;
  minutes: number;
};

function clockOf(minutes: number) {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Where a meeting sits in the viewer's week: its day and its minutes from midnight. */
function placeOf(meeting: CalendarEntry, viewer: ViewerFormat) {
  const start = new Date(meeting.startsAt);
  const end = new Date(meeting.endsAt);
  const date = localDateOf(start, viewer.timeZone);
  const startMinutes = minutesOfDay(localTimeOf(start, viewer.timeZone));
  const length = Math.max(15, Math.round((end.getTime() - start.getTime()) / 60_000));
  return { date, startMinutes, length };
}

/**
 * The week: a column per day from the viewer's working hours (widened to any meeting outside
 * them). A meeting is dragged to another time or day, or resized by its bottom edge, in 15-minute
 * steps; from the keyboard, its page has the same change as a form.
 */
export function WeekView({
  days,
  today,
  meetings,
  viewer,
  workingHours,
}: {
  days: LocalDate[];
  today: LocalDate;
  meetings: CalendarEntry[];
  viewer: ViewerFormat;
  workingHours: { start: string; end: string };
}) {
  const router = useRouter();
  const [drag, setDrag] = useState<Drag | null>(null);
  const moved = useRef(false);
  const placed = meetings
    .map((meeting) => ({ meeting, ...placeOf(meeting, viewer) }))
    .filter((entry) => days.includes(entry.date));
  const firstHour = Math.min(
    Math.floor(minutesOfDay(workingHours.start) / 60),
    ...placed.map((entry) => Math.floor(entry.startMinutes / 60)),
  );
  const lastHour = Math.max(
    Math.ceil(minutesOfDay(workingHours.end) / 60),
    ...placed.map((entry) => Math.min(24, Math.ceil((entry.startMinutes + entry.length) / 60))),
  );
  const hours = Array.from({ length: Math.max(1, lastHour - firstHour) }, (_, i) => firstHour + i);
  const dayLabel = new Intl.DateTimeFormat(viewer.locale, {
    weekday: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });

  function begin(event: ReactPointerEvent, meeting: CalendarEntry, mode: Drag['mode']) {
    if (event.button !== 0 || meeting.status !== 'scheduled') return;
    const column = (event.currentTarget as HTMLElement).closest('[data-day]') as HTMLElement | null;
    event.currentTarget.setPointerCapture(event.pointerId);
    moved.current = false;
    setDrag({
      id: meeting.id,
      mode,
      x: event.clientX,
      y: event.clientY,
      columnWidth: column?.offsetWidth ?? 100,
      days: 0,
      minutes: 0,
    });
    event.stopPropagation();
  }

  function follow(event: ReactPointerEvent) {
    if (!drag) return;
    const minutes =
      Math.round((event.clientY - drag.y) / pixelsPerMinute / snapMinutes) * snapMinutes;
    const dayShift =
      drag.mode === 'move' ? Math.round((event.clientX - drag.x) / drag.columnWidth) : 0;
    if (minutes !== 0 || dayShift !== 0) moved.current = true;
    setDrag({ ...drag, minutes, days: dayShift });
  }

  async function finish(entry: (typeof placed)[number]) {
    const current = drag;
    setDrag(null);
    if (!current || (current.minutes === 0 && current.days === 0)) return;
    const startMinutes = entry.startMinutes + (current.mode === 'move' ? current.minutes : 0);
    const length = entry.length + (current.mode === 'resize' ? current.minutes : 0);
    if (length < snapMinutes || startMinutes < 0 || startMinutes + length > 24 * 60) return;
    const start = zonedTimeToInstant(
      addDays(entry.date, current.days),
      clockOf(startMinutes),
      viewer.timeZone,
    );
    const end = new Date(start.getTime() + length * 60_000);
    const zone = entry.meeting.timeZone;
    const input = {
      meetingId: entry.meeting.id,
      version: entry.meeting.version,
      date: localDateOf(start, zone),
      startTime: localTimeOf(start, zone),
      endTime: localTimeOf(end, zone),
      timeZone: zone,
    };
    let result = await moveMeeting(input);
    if (!result.ok && result.code === 'conflict' && result.fieldErrors?.overlap) {
      const lines = result.fieldErrors.overlap.join('\n');
      if (window.confirm(`${lines}\n\nMove it anyway?`)) {
        result = await moveMeeting({ ...input, acknowledgeOverlap: true });
      } else {
        return;
      }
    }
    if (result.ok) toast.success(`Moved ${entry.meeting.title}.`);
    else toast.error(result.error);
    router.refresh();
  }

  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <div
        className="grid min-w-[720px]"
        style={{ gridTemplateColumns: '3.5rem repeat(7, minmax(0, 1fr))' }}
      >
        <div />
        {days.map((day) => (
          <div
            key={day}
            className={cn(
              'border-b border-l border-slate-200 px-2 py-2 text-center text-sm font-medium',
              day === today ? 'text-brand-700' : 'text-slate-700',
            )}
          >
            {dayLabel.format(new Date(`${day}T12:00:00Z`))}
          </div>
        ))}
        <div className="relative">
          {hours.map((hour) => (
            <div
              key={hour}
              className="pr-1 text-right text-xs text-slate-500"
              style={{ height: hourHeight }}
            >
              {formatClockTime(zonedTimeToInstant(days[0]!, clockOf(hour * 60), 'UTC'), {
                ...viewer,
                timeZone: 'UTC',
              })}
            </div>
          ))}
        </div>
        {days.map((day) => {
          const dayEntries = placed.filter((entry) => entry.date === day);
          const lanes = packDayLanes(
            dayEntries.map((entry) => ({
              start: entry.startMinutes,
              end: entry.startMinutes + Math.max(entry.length, minBoxHeight / pixelsPerMinute),
            })),
          );
          return (
            <div
              key={day}
              data-day={day}
              className="relative border-l border-slate-200"
              style={{ height: hours.length * hourHeight }}
            >
              {hours.map((hour) => (
                <div
                  key={hour}
                  className="border-b border-slate-100"
                  style={{ height: hourHeight }}
                />
              ))}
              {dayEntries.map((entry, index) => {
                const active = drag?.id === entry.meeting.id ? drag : null;
                const top =
                  (entry.startMinutes -
                    firstHour * 60 +
                    (active?.mode === 'move' ? active.minutes : 0)) *
                  pixelsPerMinute;
                const height =
                  (entry.length + (active?.mode === 'resize' ? active.minutes : 0)) *
                  pixelsPerMinute;
                const start = new Date(entry.meeting.startsAt);
                const lane = lanes[index] ?? { column: 0, columns: 1 };
                return (
                  <div
                    key={entry.meeting.id}
                    className={cn(
                      'absolute overflow-hidden rounded border-l-4 text-xs shadow-sm select-none',
                      entry.meeting.colour,
                      entry.meeting.status === 'cancelled' && 'line-through opacity-60',
                      active && 'z-10 ring-2 ring-brand-500',
                    )}
                    style={{
                      top,
                      height: Math.max(height, minBoxHeight),
                      // Side by side with the meetings it overlaps: its lane of the column, 2px apart.
                      left: `calc(${(lane.column / lane.columns) * 100}% + 2px)`,
                      width: `calc(${100 / lane.columns}% - 4px)`,
                      transform: active?.days
                        ? `translateX(${active.days * active.columnWidth}px)`
                        : undefined,
                      touchAction: 'none',
                    }}
                    onPointerDown={(event) => begin(event, entry.meeting, 'move')}
                    onPointerMove={follow}
                    onPointerUp={() => finish(entry)}
                  >
                    <Link
                      href={`/meetings/${entry.meeting.id}`}
                      className="block h-full px-1.5 py-0.5"
                      draggable={false}
                      onClick={(event) => {
                        if (moved.current) event.preventDefault();
                      }}
                    >
                      <span className="block font-medium">{entry.meeting.title}</span>
                      <span className="block">
                        {`${formatClockTime(start, viewer)} · ${entry.meeting.clientName}`}
                      </span>
                    </Link>
                    {entry.meeting.status === 'scheduled' ? (
                      <div
                        aria-hidden
                        className="absolute inset-x-0 bottom-0 h-2 cursor-ns-resize"
                        onPointerDown={(event) => begin(event, entry.meeting, 'resize')}
                      />
                    ) : null}
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
    </div>
  );
}

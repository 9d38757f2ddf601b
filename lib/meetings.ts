import { dateTimeFormat, type ViewerFormat } from './format';
import { keptAnswers } from './kept-answers';

/** The kinds of meeting a coordinator schedules (DESIGN.md §2). */
export const meetingKinds = ['meeting', 'call', 'demo', 'presentation'] as const;
export type MeetingKind = (typeof meetingKinds)[number];

export const meetingKindLabels: Record<MeetingKind, string> = {
  meeting: 'Meeting',
  call: 'Call',
  demo: 'Demo',
  presentation: 'Presentation',
};

/** scheduled → completed | cancelled. */
export const meetingStatuses = ['scheduled', 'completed', 'cancelled'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

export const meetingStatusLabels: Record<MeetingStatus, string> = {
  scheduled: 'Scheduled',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

export const recurrenceFrequencies = ['daily', 'weekly', 'monthly'] as const;
export type RecurrenceFrequency = (typeof recurrenceFrequencies)[number];

/** A series never grows past this many occurrences, whatever its end date. */
export const maxOccurrences = 100;

/** Calendar views of /calendar. */
export const calendarViews = ['week', 'month', 'agenda'] as const;
export type CalendarView = (typeof calendarViews)[number];

/** An interval of time, end exclusive. */
export type Interval = { start: Date; end: Date };

/** Whether two intervals share any time (touching ends do not). */
export function overlaps(a: Interval, b: Interval) {
  return a.start < b.end && b.start < a.end;
}

/** An interval widened by `beforeMinutes` and `afterMinutes`: travel to and from it. */
export function withBuffer(interval: Interval, beforeMinutes: number, afterMinutes: number) {
  return {
    start: new Date(interval.start.getTime() - beforeMinutes * 60_000),
    end: new Date(interval.end.getTime() + afterMinutes * 60_000),
  };
}

/** The busy intervals of `busy` that clash with any of `wanted`, each once. */
export function findOverlaps<T extends Interval>(wanted: readonly Interval[], busy: readonly T[]) {
  return busy.filter((entry) => wanted.some((interval) => overlaps(interval, entry)));
}

/** Colours for the calendars switched on, in the order they are listed. */
export const calendarColours = [
  'bg-sky-100 border-sky-500 text-sky-950',
  'bg-amber-100 border-amber-500 text-amber-950',
  'bg-emerald-100 border-emerald-600 text-emerald-950',
  'bg-rose-100 border-rose-500 text-rose-950',
  'bg-violet-100 border-violet-500 text-violet-950',
  'bg-lime-100 border-lime-600 text-lime-950',
  'bg-orange-100 border-orange-500 text-orange-950',
  'bg-teal-100 border-teal-600 text-teal-950',
] as const;

function timeFormat(viewer: ViewerFormat, options: Intl.DateTimeFormatOptions) {
  return dateTimeFormat(viewer.locale, { ...options, timeZone: viewer.timeZone });
}

// formatRange costs some fifteen times what format does on Node 20, and a calendar shows the same
// meetings on every visit: each range is formatted once per viewer's locale and zone.
const meetingTimes = keptAnswers<string>(20_000);

/** A meeting's time in the viewer's zone and locale, e.g. "Tue, Mar 3, 10:00 AM – 11:00 AM". */
export function formatMeetingTime(start: Date, end: Date, viewer: ViewerFormat) {
  return meetingTimes(
    `${viewer.locale} ${viewer.timeZone} ${start.getTime()} ${end.getTime()}`,
    () =>
      timeFormat(viewer, {
        weekday: 'short',
        month: 'short',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
      }).formatRange(start, end),
  );
}

/** A time of day in the viewer's zone and locale, e.g. "10:00 AM". */
export function formatClockTime(value: Date, viewer: ViewerFormat) {
  return timeFormat(viewer, { hour: 'numeric', minute: '2-digit' }).format(value);
}

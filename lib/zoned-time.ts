import { keptAnswers } from './kept-answers';

/**
 * Wall-clock dates and times in an IANA zone, on the runtime's own time-zone data (Intl): what a
 * meeting at 09:00 in New York is as an instant, on each side of a daylight-saving change.
 */

/** A calendar date as YYYY-MM-DD. */
export type LocalDate = string;
/** A wall-clock time as HH:mm. */
export type LocalTime = string;

const partFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string) {
  let formatter = partFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partFormatters.set(timeZone, formatter);
  }
  return formatter;
}

export type ZonedParts = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
};

/** The wall-clock reading of `instant` in `timeZone`. */
export function zonedParts(instant: Date, timeZone: string): ZonedParts {
  const values: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  return {
    year: values.year!,
    month: values.month!,
    day: values.day!,
    hour: values.hour! % 24,
    minute: values.minute!,
    second: values.second!,
  };
}

/** How far `timeZone` is ahead of UTC at `instant`, in milliseconds. */
export function zoneOffset(instant: Date, timeZone: string) {
  const parts = zonedParts(instant, timeZone);
  const asUtc = Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour,
    parts.minute,
    parts.second,
  );
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

function parseDate(date: LocalDate) {
  const [year, month, day] = date.split('-').map(Number);
  return { year: year!, month: month!, day: day! };
}

function parseTime(time: LocalTime) {
  const [hour, minute] = time.split(':').map(Number);
  return { hour: hour!, minute: minute! };
}

/**
 * The instant a wall-clock date and time names in `timeZone`. A time skipped by a spring-forward
 * change is read with the offset from before it (02:30 becomes 03:30), and a time that happens
 * twice in autumn is its first occurrence, as calendar apps do.
 */
export function zonedTimeToInstant(date: LocalDate, time: LocalTime, timeZone: string): Date {
  const instant = knownInstants(`${date} ${time} ${timeZone}`, () =>
    instantOfWallTime(date, time, timeZone),
  );
  return new Date(instant);
}

// Each answer costs several formatToParts calls, and a report asks for the same month and day
// boundaries on every request: answers are kept (the zone rules do not change while a process runs).
const knownInstants = keptAnswers<number>(10_000);

function instantOfWallTime(date: LocalDate, time: LocalTime, timeZone: string): number {
  const { year, month, day } = parseDate(date);
  const { hour, minute } = parseTime(time);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // Two guesses cover every case: the offset before the wall time, and the one after it.
  const before = zoneOffset(new Date(wall - 86_400_000), timeZone);
  const after = zoneOffset(new Date(wall + 86_400_000), timeZone);
  const candidates = [wall - before, wall - after]
    .filter((instant, index, all) => all.indexOf(instant) === index)
    .sort((a, b) => a - b);
  for (const instant of candidates) {
    if (zoneOffset(new Date(instant), timeZone) === wall - instant) return instant;
  }
  return wall - before;
}

/** The calendar date `instant` falls on in `timeZone`. */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  const { year, month, day } = zonedParts(instant, timeZone);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The wall-clock time `instant` shows in `timeZone`, as HH:mm. */
export function localTimeOf(instant: Date, timeZone: string): LocalTime {
  const { hour, minute } = zonedParts(instant, timeZone);
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** `date` moved by whole calendar days. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const { year, month, day } = parseDate(date);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** `date` moved by whole months, or null when that month has no such day (31 January + 1). */
export function addMonths(date: LocalDate, months: number): LocalDate | null {
  const { year, month, day } = parseDate(date);
  const moved = new Date(Date.UTC(year, month - 1 + months, day));
  return moved.getUTCDate() === day ? moved.toISOString().slice(0, 10) : null;
}

/** The ISO weekday of a date: 1 is Monday, 7 is Sunday. */
export function isoWeekday(date: LocalDate): number {
  const { year, month, day } = parseDate(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay() || 7;
}

/** The Monday of the week `date` is in. */
export function startOfWeek(date: LocalDate): LocalDate {
  return addDays(date, 1 - isoWeekday(date));
}

/** Minutes since midnight of an HH:mm time. */
export function minutesOfDay(time: LocalTime) {
  const { hour, minute } = parseTime(time);
  return hour * 60 + minute;
}

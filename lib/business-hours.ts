/** A person's working time (their profile): zone, daily hours ("HH:MM") and ISO weekdays (1 = Monday). */
export type WorkingTime = {
  timeZone: string;
  workingHoursStart: string;
  workingHoursEnd: string;
  workingDays: readonly number[];
};

const minuteMs = 60_000;
const dayMs = 86_400_000;

const partsFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string) {
  let format = partsFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormats.set(timeZone, format);
  }
  return format;
}

/** The wall-clock time of `instant` in `timeZone`, written as if it were UTC (for arithmetic). */
function wallClockAsUtc(instant: number, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const part of partsFormat(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day!,
    parts.hour!,
    parts.minute!,
    parts.second!,
  );
}

/**
 * The instant at which the clocks in `timeZone` show `wallClock` (a UTC-encoded local time). In a
 * spring-forward gap the time does not exist and the later offset is used, so 02:30 becomes 03:30.
 */
export function instantAt(wallClock: number, timeZone: string) {
  let guess = wallClock;
  for (let step = 0; step < 3; step += 1) {
    const offset = wallClockAsUtc(guess, timeZone) - guess;
    const next = wallClock - offset;
    if (next === guess) break;
    guess = next;
  }
  return guess;
}

function clockMinutes(clock: string) {
  const [hours, minutes] = clock.split(':').map(Number);
  return hours! * 60 + minutes!;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a UTC-encoded local midnight. */
function isoWeekday(localMidnight: number) {
  const day = new Date(localMidnight).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Length of one working day, in minutes. */
export function workingDayMinutes(working: WorkingTime) {
  return clockMinutes(working.workingHoursEnd) - clockMinutes(working.workingHoursStart);
}

/**
 * The instant `minutes` of working time after `from`, counted only inside the person's working
 * hours on their working days, in their own time zone (so a day's window moves with daylight
 * saving). Time outside the window does not count: feedback logged at night starts its clock
 * when the day begins.
 */
export function addBusinessMinutes(from: Date, minutes: number, working: WorkingTime): Date {
  const start = clockMinutes(working.workingHoursStart);
  const end = clockMinutes(working.workingHoursEnd);
  if (end <= start || working.workingDays.length === 0) {
    throw new Error('A working day must have hours and at least one working day.');
  }
  let remaining = minutes * minuteMs;
  const cursor = from.getTime();
  const localNow = wallClockAsUtc(cursor, working.timeZone);
  let localMidnight = localNow - (localNow % dayMs);
  // A year of days is far more than any SLA needs; the bound stops a bad profile from looping.
  for (let day = 0; day < 366; day += 1, localMidnight += dayMs) {
    if (!working.workingDays.includes(isoWeekday(localMidnight))) continue;
    const windowStart = instantAt(localMidnight + start * minuteMs, working.timeZone);
    const windowEnd = instantAt(localMidnight + end * minuteMs, working.timeZone);
    const begin = Math.max(windowStart, cursor);
    if (begin >= windowEnd) continue;
    if (remaining <= windowEnd - begin) return new Date(begin + remaining);
    remaining -= windowEnd - begin;
  }
  throw new Error('The working time does not fit in a year.');
}

/** `hours` business hours after `from`. */
export function addBusinessHours(from: Date, hours: number, working: WorkingTime) {
  return addBusinessMinutes(from, hours * 60, working);
}

/** `days` business days after `from`: as many working days' worth of working time. */
export function addBusinessDays(from: Date, days: number, working: WorkingTime) {
  return addBusinessMinutes(from, days * workingDayMinutes(working), working);
}

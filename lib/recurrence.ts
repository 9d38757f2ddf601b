import { maxOccurrences, type Interval, type RecurrenceFrequency } from './meetings';
import {
  addDays,
  addMonths,
  isoWeekday,
  startOfWeek,
  zonedTimeToInstant,
  type LocalDate,
  type LocalTime,
} from './zoned-time';

export type RecurrenceRule = {
  frequency: RecurrenceFrequency;
  /** Every `interval` days, weeks or months. */
  interval: number;
  /** ISO weekdays of a weekly series; the first date's weekday when empty. */
  weekdays?: number[] | null;
  /** The last date an occurrence may fall on, inclusive. */
  untilDate?: LocalDate | null;
  /** How many occurrences at most. */
  count?: number | null;
};

export type Occurrence = Interval & { date: LocalDate };

/**
 * The occurrences of a series that starts on `firstDate` at `startTime` for `durationMinutes`,
 * each at the same wall-clock time in `timeZone`: a weekly 09:00 in New York is 14:00 UTC in
 * winter and 13:00 UTC in summer. Never more than `maxOccurrences`.
 */
export function expandRecurrence(
  rule: RecurrenceRule,
  firstDate: LocalDate,
  startTime: LocalTime,
  durationMinutes: number,
  timeZone: string,
): Occurrence[] {
  const limit = Math.min(rule.count ?? maxOccurrences, maxOccurrences);
  const dates: LocalDate[] = [];
  const keep = (date: LocalDate) => {
    if (rule.untilDate && date > rule.untilDate) return false;
    dates.push(date);
    return dates.length < limit;
  };
  // A generous bound on steps, so a rule whose dates never match still ends.
  const steps = maxOccurrences * 40;
  if (rule.frequency === 'daily') {
    for (let step = 0; step < steps && keep(addDays(firstDate, step * rule.interval)); step++);
  } else if (rule.frequency === 'weekly') {
    const weekdays = [...new Set(rule.weekdays?.length ? rule.weekdays : [isoWeekday(firstDate)])];
    weekdays.sort((a, b) => a - b);
    const monday = startOfWeek(firstDate);
    weeks: for (let week = 0; week < steps; week++) {
      for (const weekday of weekdays) {
        const date = addDays(monday, week * 7 * rule.interval + weekday - 1);
        if (date < firstDate) continue;
        if (!keep(date)) break weeks;
      }
    }
  } else {
    for (let step = 0; step < steps; step++) {
      const date = addMonths(firstDate, step * rule.interval);
      if (date === null) continue;
      if (!keep(date)) break;
    }
  }
  return dates.map((date) => {
    const start = zonedTimeToInstant(date, startTime, timeZone);
    return { date, start, end: new Date(start.getTime() + durationMinutes * 60_000) };
  });
}

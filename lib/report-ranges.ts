import { addDays, localDateOf, zonedTimeToInstant, type LocalDate } from './zoned-time';

/** The date ranges a report offers; `custom` takes its own from and to dates. */
export const reportRangePresets = [
  'thisMonth',
  'lastMonth',
  'thisQuarter',
  'lastQuarter',
  'yearToDate',
  'last12Months',
  'custom',
] as const;
export type ReportRangePreset = (typeof reportRangePresets)[number];

export const reportRangePresetLabels: Record<ReportRangePreset, string> = {
  thisMonth: 'This month',
  lastMonth: 'Last month',
  thisQuarter: 'This quarter',
  lastQuarter: 'Last quarter',
  yearToDate: 'Year to date',
  last12Months: 'Last 12 months',
  custom: 'Custom',
};

/**
 * A report's period as the viewer's calendar dates (`to` included) and the instants that bound it
 * in the viewer's zone (`end` excluded): a month is the viewer's month, not UTC's.
 */
export type ReportRange = {
  from: LocalDate;
  to: LocalDate;
  start: Date;
  end: Date;
};

function monthStart(year: number, month: number): LocalDate {
  const normalized = new Date(Date.UTC(year, month - 1, 1));
  return normalized.toISOString().slice(0, 10);
}

function yearMonth(date: LocalDate) {
  const [year, month] = date.split('-').map(Number);
  return { year: year!, month: month! };
}

/** The first day of the month `months` away from the month `date` is in. */
export function shiftMonth(date: LocalDate, months: number): LocalDate {
  const { year, month } = yearMonth(date);
  return monthStart(year, month + months);
}

/** The calendar dates, first and last, that a preset names on the viewer's `today`. */
export function presetDates(
  preset: Exclude<ReportRangePreset, 'custom'>,
  today: LocalDate,
): { from: LocalDate; to: LocalDate } {
  const { year, month } = yearMonth(today);
  const quarterStart = monthStart(year, month - ((month - 1) % 3));
  const lastDayBefore = (date: LocalDate) => addDays(date, -1);
  switch (preset) {
    case 'thisMonth':
      return { from: monthStart(year, month), to: today };
    case 'lastMonth':
      return { from: shiftMonth(today, -1), to: lastDayBefore(monthStart(year, month)) };
    case 'thisQuarter':
      return { from: quarterStart, to: today };
    case 'lastQuarter':
      return { from: shiftMonth(quarterStart, -3), to: lastDayBefore(quarterStart) };
    case 'yearToDate':
      return { from: monthStart(year, 1), to: today };
    case 'last12Months':
      return { from: shiftMonth(today, -11), to: today };
  }
}

/** The range between two of the viewer's calendar dates, both included. */
export function rangeBetween(from: LocalDate, to: LocalDate, timeZone: string): ReportRange {
  return {
    from,
    to,
    start: zonedTimeToInstant(from, '00:00', timeZone),
    end: zonedTimeToInstant(addDays(to, 1), '00:00', timeZone),
  };
}

/**
 * The range a preset (or custom dates) names for a viewer in `timeZone` at `now`. Custom dates in
 * the wrong order are swapped rather than refused.
 */
export function resolveReportRange(
  input: { range: ReportRangePreset; from?: LocalDate; to?: LocalDate },
  timeZone: string,
  now: Date = new Date(),
): ReportRange {
  const today = localDateOf(now, timeZone);
  if (input.range !== 'custom') {
    const { from, to } = presetDates(input.range, today);
    return rangeBetween(from, to, timeZone);
  }
  const from = input.from ?? presetDates('thisMonth', today).from;
  const to = input.to ?? today;
  return from <= to ? rangeBetween(from, to, timeZone) : rangeBetween(to, from, timeZone);
}

/** The viewer's months a range covers, each as its first day and its bounding instants. */
export function monthsOf(range: ReportRange, timeZone: string): ReportRange[] {
  const months: ReportRange[] = [];
  let first = shiftMonth(range.from, 0);
  while (first <= range.to) {
    const next = shiftMonth(first, 1);
    const from = first < range.from ? range.from : first;
    const lastDay = addDays(next, -1);
    months.push(rangeBetween(from, lastDay > range.to ? range.to : lastDay, timeZone));
    first = next;
  }
  return months;
}

/** Instants from `start` (included) to `end` (excluded). */
export type Interval = { start: Date; end: Date };

const dayMs = 86_400_000;

/**
 * How a range reads from per-UTC-day rollups: `days`, runs of whole UTC days that lie within the
 * range and within one of the viewer's months, and `rest`, the instants left over (the range's
 * ragged ends and the UTC days a month of the viewer's zone starts inside), to read from the rows.
 * In UTC every day is a rollup day; in +05:30 one day per month is read from the rows.
 */
export function rollupSplit(range: ReportRange, timeZone: string) {
  const monthStarts = monthsOf(range, timeZone).map((month) => month.start.getTime());
  const days: Interval[] = [];
  const first = Math.ceil(range.start.getTime() / dayMs) * dayMs;
  for (let day = first; day + dayMs <= range.end.getTime(); day += dayMs) {
    if (monthStarts.some((start) => start > day && start < day + dayMs)) continue;
    const run = days.at(-1);
    if (run && run.end.getTime() === day) run.end = new Date(day + dayMs);
    else days.push({ start: new Date(day), end: new Date(day + dayMs) });
  }
  const rest: Interval[] = [];
  let cursor = range.start;
  for (const run of days) {
    if (cursor < run.start) rest.push({ start: cursor, end: run.start });
    cursor = run.end;
  }
  if (cursor < range.end) rest.push({ start: cursor, end: range.end });
  return { days, rest };
}

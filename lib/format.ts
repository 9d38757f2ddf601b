/** How the viewer reads dates and numbers: their IANA time zone and their locale (profile). */
export type ViewerFormat = { timeZone: string; locale: string };

export const defaultLocale = 'en-US';

/** Just the format of a signed-in user, to hand to client components. */
export function viewerFormat({ timeZone, locale }: ViewerFormat): ViewerFormat {
  return { timeZone, locale };
}

// Building an Intl formatter costs far more than using one, and a list formats hundreds of cells
// per render, so each distinct formatter is made once and kept: format through these two.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions) {
  const key = `date:${locale}:${JSON.stringify(options)}`;
  let formatter = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions) {
  const key = `number:${locale}:${JSON.stringify(options)}`;
  let formatter = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

/** A timestamp in the viewer's time zone and locale, e.g. "Nov 28, 2026, 6:25 PM" (en-US). */
export function formatDateTime(value: Date | string | null | undefined, viewer: ViewerFormat) {
  if (!value) return '—';
  return dateTimeFormat(viewer.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: viewer.timeZone,
  }).format(new Date(value));
}

export function formatCount(value: number, locale = defaultLocale) {
  return numberFormat(locale, {}).format(value);
}

/** Integer cents as money in its currency, e.g. "$12,500" (en-US) or "12.500 $" (de-DE). */
export function formatMoney(cents: number, currency: string, locale = defaultLocale) {
  return numberFormat(locale, {
    style: 'currency',
    currency,
    maximumFractionDigits: cents % 100 === 0 ? 0 : 2,
  }).format(cents / 100);
}

/**
 * A calendar date (YYYY-MM-DD) as "Nov 28, 2026" in the viewer's locale, without shifting it
 * through a time zone: a deal closing on the 28th closes on the 28th wherever it is read.
 */
export function formatDate(value: string | null | undefined, viewer: Pick<ViewerFormat, 'locale'>) {
  if (!value) return '—';
  return dateTimeFormat(viewer.locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${value}T00:00:00Z`),
  );
}

/** The calendar date (YYYY-MM-DD) an instant falls on in `timeZone`. */
export function calendarDateIn(timeZone: string, value: Date | string = new Date()) {
  // en-CA writes dates as YYYY-MM-DD.
  return dateTimeFormat('en-CA', { timeZone }).format(new Date(value));
}

// Formatting through Intl cost an export of 100,000 clients seconds (two timestamps a row). A
// zone's offset changes a few times a year, each on a quarter hour (UTC) under today's rules, so
// it is read once per zone and UTC day, or per quarter hour on a day it changes; a quarter hour
// whose offset does change (old local mean times) is read per instant.
const daySpanMs = 86_400_000;
const offsetSpanMs = 15 * 60_000;
const maxKeptOffsets = 100_000;
/** Per span length, per zone, the offset held through each span (keyed by its start), or null. */
const zoneOffsets = new Map<number, Map<string, Map<number, number | null>>>([
  [daySpanMs, new Map()],
  [offsetSpanMs, new Map()],
]);
let keptOffsets = 0;

/** How far `timeZone`'s wall clock is ahead of UTC at `instantMs`, to the second. */
function offsetAt(timeZone: string, instantMs: number) {
  const parts = Object.fromEntries(
    dateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
      era: 'short',
    })
      .formatToParts(new Date(instantMs))
      .map((part) => [part.type, part.value]),
  );
  const year = parts.era === 'BC' ? 1 - Number(parts.year) : Number(parts.year);
  const wallClock = Date.UTC(
    year,
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return wallClock - Math.floor(instantMs / 1000) * 1000;
}

/** The offset throughout the span of `spanMs` holding `instantMs`, or null if it changes in it. */
function steadyOffset(timeZone: string, instantMs: number, spanMs: number) {
  const start = Math.floor(instantMs / spanMs) * spanMs;
  // Numeric keys in a map per zone: building a string key per timestamp cost more than the rest.
  const zones = zoneOffsets.get(spanMs)!;
  let spans = zones.get(timeZone);
  if (!spans) {
    spans = new Map();
    zones.set(timeZone, spans);
  }
  let offset = spans.get(start);
  if (offset === undefined) {
    const atStart = offsetAt(timeZone, start);
    offset = atStart === offsetAt(timeZone, start + spanMs - 1000) ? atStart : null;
    if (keptOffsets >= maxKeptOffsets) {
      for (const kept of zoneOffsets.values()) kept.clear();
      keptOffsets = 0;
      zones.set(timeZone, spans);
      spans.clear();
    }
    spans.set(start, offset);
    keptOffsets += 1;
  }
  return offset;
}

const twoDigits = (value: number) => String(value).padStart(2, '0');

/** An instant as "YYYY-MM-DD HH:mm" in `timeZone`: sortable, and read by spreadsheet apps. */
export function formatSortableDateTime(value: Date | string | number, timeZone: string) {
  const instantMs = typeof value === 'number' ? value : new Date(value).getTime();
  const offset =
    steadyOffset(timeZone, instantMs, daySpanMs) ??
    steadyOffset(timeZone, instantMs, offsetSpanMs) ??
    offsetAt(timeZone, instantMs);
  const wallClock = new Date(Math.floor(instantMs / 1000) * 1000 + offset);
  const year = wallClock.getUTCFullYear();
  return `${year < 0 ? '-' : ''}${String(Math.abs(year)).padStart(4, '0')}-${twoDigits(wallClock.getUTCMonth() + 1)}-${twoDigits(wallClock.getUTCDate())} ${twoDigits(wallClock.getUTCHours())}:${twoDigits(wallClock.getUTCMinutes())}`;
}

/** How long something has waited, in whole hours or days and hours: "3 h", "2 d 4 h". */
export function formatDuration(milliseconds: number) {
  const hours = Math.max(0, Math.floor(milliseconds / 3_600_000));
  if (hours < 24) return `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

function relativeFormat(locale: string) {
  let formatter = relativeFormats.get(locale);
  if (!formatter) {
    formatter = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    relativeFormats.set(locale, formatter);
  }
  return formatter;
}

const dayMs = 86_400_000;

/** Whole calendar days from `earlier` to `later`, counted on the viewer's calendar. */
function calendarDaysBetween(earlier: Date, later: Date, timeZone: string) {
  const start = Date.parse(`${calendarDateIn(timeZone, earlier)}T00:00:00Z`);
  const end = Date.parse(`${calendarDateIn(timeZone, later)}T00:00:00Z`);
  return Math.round((end - start) / dayMs);
}

/**
 * How long ago `value` was, e.g. "5 minutes ago", "3 hours ago" the same day, "yesterday" for
 * the day before on the viewer's calendar (so 11 PM seen at 1 AM is yesterday); from a week, the
 * time itself in the viewer's time zone.
 */
export function formatRelativeTime(value: Date | string, viewer: ViewerFormat, now = new Date()) {
  const instant = new Date(value);
  const elapsed = now.getTime() - instant.getTime();
  const format = relativeFormat(viewer.locale);
  if (elapsed < 60_000) return format.format(0, 'second');
  if (elapsed < 3_600_000) return format.format(-Math.floor(elapsed / 60_000), 'minute');
  const days = calendarDaysBetween(instant, now, viewer.timeZone);
  if (days <= 0) return format.format(-Math.floor(elapsed / 3_600_000), 'hour');
  if (days < 7) return format.format(-days, 'day');
  return formatDateTime(value, viewer);
}

/** How the viewer reads dates and numbers: their IANA time zone and their locale (profile). */
export type ViewerFormat = { timeZone: string; locale: string };

export const defaultLocale = 'en-US';

/** Just the format of a signed-in user, to hand to client components. */
export function viewerFormat({ timeZone, locale }: ViewerFormat): ViewerFormat {
  return { timeZone, locale };
}

// Building an Intl formatter costs far more than using one, and a list formats hundreds of cells
// per render, so each distinct formatter is made once and kept.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions) {
  const key = `date:${locale}:${JSON.stringify(options)}`;
  let formatter = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

function numberFormat(locale: string, options: Intl.NumberFormatOptions) {
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

/** An instant as "YYYY-MM-DD HH:mm" in `timeZone`: sortable, and read by spreadsheet apps. */
export function formatSortableDateTime(value: Date | string, timeZone: string) {
  const parts = Object.fromEntries(
    dateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(value))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
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

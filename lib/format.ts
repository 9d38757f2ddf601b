// Building an Intl formatter costs far more than using one, and a list formats hundreds of cells
// per render, so each distinct formatter is made once and kept.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateTimeFormat(options: Intl.DateTimeFormatOptions) {
  const key = `date:${JSON.stringify(options)}`;
  let formatter = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', options);
    formatters.set(key, formatter);
  }
  return formatter;
}

function numberFormat(options: Intl.NumberFormatOptions) {
  const key = `number:${JSON.stringify(options)}`;
  let formatter = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-US', options);
    formatters.set(key, formatter);
  }
  return formatter;
}

/** A timestamp in the viewer's time zone, e.g. "Nov 28, 2026, 6:25 PM". */
export function formatDateTime(value: Date | string | null | undefined, timeZone: string) {
  if (!value) return '—';
  return dateTimeFormat({ dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    new Date(value),
  );
}

export function formatCount(value: number) {
  return numberFormat({}).format(value);
}

/** Integer cents as money in its currency, e.g. "$12,500". */
export function formatMoney(cents: number, currency: string) {
  return numberFormat({
    style: 'currency',
    currency,
    maximumFractionDigits: cents % 100 === 0 ? 0 : 2,
  }).format(cents / 100);
}

/** A calendar date (YYYY-MM-DD) as "Nov 28, 2026", without shifting it through a time zone. */
export function formatDate(value: string | null | undefined) {
  if (!value) return '—';
  return dateTimeFormat({ dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${value}T00:00:00Z`),
  );
}

/** How long something has waited, in whole hours or days and hours: "3 h", "2 d 4 h". */
export function formatDuration(milliseconds: number) {
  const hours = Math.max(0, Math.floor(milliseconds / 3_600_000));
  if (hours < 24) return `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

const relativeUnits: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];
const relativeFormat = new Intl.RelativeTimeFormat('en-US', { numeric: 'auto' });

/**
 * How long ago `value` was, e.g. "5 minutes ago" or "yesterday"; past a week, the time itself in
 * the viewer's time zone.
 */
export function formatRelativeTime(value: Date | string, timeZone: string, now = new Date()) {
  const elapsed = now.getTime() - new Date(value).getTime();
  if (elapsed >= 7 * 86_400_000) return formatDateTime(value, timeZone);
  for (const [unit, size] of relativeUnits) {
    if (elapsed >= size) return relativeFormat.format(-Math.floor(elapsed / size), unit);
  }
  return 'just now';
}

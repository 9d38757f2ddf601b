/** A timestamp in the viewer's time zone, e.g. "Nov 28, 2026, 6:25 PM". */
export function formatDateTime(value: Date | string | null | undefined, timeZone: string) {
  if (!value) return '—';
  return new Intl.DateTimeFormat('en-US', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(value));
}

export function formatCount(value: number) {
  return new Intl.NumberFormat('en-US').format(value);
}

/** Integer cents as money in its currency, e.g. "$12,500". */
export function formatMoney(cents: number, currency: string) {
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency,
    maximumFractionDigits: cents % 100 === 0 ? 0 : 2,
  }).format(cents / 100);
}

/** A calendar date (YYYY-MM-DD) as "Nov 28, 2026", without shifting it through a time zone. */
export function formatDate(value: string | null | undefined) {
  if (!value) return '—';
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${value}T00:00:00Z`),
  );
}

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

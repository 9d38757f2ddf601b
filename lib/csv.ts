import { calendarDateIn } from './format';

/** One CSV field: quoted when it needs to be, and defused against spreadsheet formula injection. */
function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line, ended with CRLF. */
export function csvRow(values: unknown[]) {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** `body` as a CSV file to save: `name` becomes e.g. "clients-2026-11-28.csv", dated on the reader's calendar. */
export function csvDownload(name: string, body: ReadableStream<Uint8Array>, timeZone: string) {
  const date = calendarDateIn(timeZone);
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}-${date}.csv"`,
      'cache-control': 'private, no-store',
    },
  });
}

import { calendarDateIn, formatSortableDateTime } from './format';

// "2026-11-28 18:25:00.123456+00", "…+05:30": how PostgreSQL writes a timestamptz as text.
const databaseTimestamp =
  /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d+))?([+-])(\d\d)(?::(\d\d))?$/;

/** The instant of a timestamp as the database streams it, read without a Date parse per row. */
function instantOf(value: string) {
  const parts = databaseTimestamp.exec(value);
  if (!parts) return new Date(value).getTime();
  const [, year, month, day, hour, minute, second, fraction, sign, offsetHours, offsetMinutes] =
    parts;
  const offsetMs = (Number(offsetHours) * 60 + Number(offsetMinutes ?? 0)) * 60_000;
  const wallClock = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
    fraction ? Number(fraction.slice(0, 3).padEnd(3, '0')) : 0,
  );
  return sign === '+' ? wallClock - offsetMs : wallClock + offsetMs;
}

/**
 * A timestamp as the database streams it ("2026-11-28 18:25:00.123+00") or a Date, as
 * "YYYY-MM-DD HH:mm" in the reader's time zone; empty when there is none.
 */
export function csvDateTime(value: Date | string | number | null, timeZone: string) {
  if (value === null || value === '') return null;
  return formatSortableDateTime(typeof value === 'string' ? instantOf(value) : value, timeZone);
}

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

// About 64 KB: large enough that a chunk's overhead is nothing per row, small enough to keep.
const chunkChars = 64_000;

/**
 * A CSV download of `rows` under `header`, streamed in chunks as the reader takes them (a slow
 * reader holds the database cursor back instead of queueing the export in memory), with a BOM so
 * spreadsheet apps read it as UTF-8.
 */
export function csvResponse(
  name: string,
  header: string[],
  rows: AsyncIterable<unknown[]>,
  timeZone: string,
) {
  const encoder = new TextEncoder();
  const iterator = rows[Symbol.asyncIterator]();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${csvRow(header)}`));
    },
    async pull(controller) {
      let chunk = '';
      while (chunk.length < chunkChars) {
        const next = await iterator.next();
        if (next.done) {
          if (chunk) controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        chunk += csvRow(next.value);
      }
      controller.enqueue(encoder.encode(chunk));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return csvDownload(name, body, timeZone);
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

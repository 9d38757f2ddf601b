import Papa from 'papaparse';
import { formatSortableDateTime } from '@/lib/format';

/** The rows of a CSV download body as records keyed by its header, its BOM dropped. */
export async function csvRecords(body: ReadableStream<Uint8Array>) {
  const text = await new Response(body).text();
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

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
 * The exports' timestamp format as JavaScript wrote it before PostgreSQL wrote the exports, the
 * reference their SQL must match: a timestamp as the database streams it ("2026-11-28 18:25:00.123+00") or a Date, as
 * "YYYY-MM-DD HH:mm" in the reader's time zone; empty when there is none.
 */
export function csvDateTime(value: Date | string | number | null, timeZone: string) {
  if (value === null || value === '') return null;
  return formatSortableDateTime(typeof value === 'string' ? instantOf(value) : value, timeZone);
}

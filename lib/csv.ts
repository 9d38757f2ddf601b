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

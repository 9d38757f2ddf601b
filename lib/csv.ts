/** One CSV field: quoted when it needs to be, and defused against spreadsheet formula injection. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: unknown[]) {
  return `${values.map(csvField).join(',')}\r\n`;
}

/**
 * A CSV download of `rows` under `header`, streamed in chunks as the rows arrive, with a BOM so
 * spreadsheet apps read it as UTF-8. `name` becomes e.g. "clients-2026-11-28.csv".
 */
export function csvResponse(name: string, header: string[], rows: AsyncIterable<unknown[]>) {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${csvRow(header)}`));
      let chunk = '';
      for await (const row of rows) {
        chunk += csvRow(row);
        if (chunk.length > 64_000) {
          controller.enqueue(encoder.encode(chunk));
          chunk = '';
        }
      }
      controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}-${date}.csv"`,
      'cache-control': 'private, no-store',
    },
  });
}

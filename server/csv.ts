import 'server-only';
import type { Readable } from 'node:stream';
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { db } from '@/db/client';
import { csvRow } from '@/lib/csv';

// The SQL below writes each field exactly as lib/csv.ts's csvField writes it, and PostgreSQL's
// COPY … (FORMAT csv) quotes exactly where csvField does (a comma, a quote, CR or LF). PostgreSQL
// writes NULL unquoted and an empty string as `""`, so blanks are sent as NULL.

/** A cell from any value as text: a leading = + - @ tab or CR gets an apostrophe, so no spreadsheet runs it as a formula. */
export function csvText(value: SQLWrapper): SQL {
  const text = sql`(${value})::text`;
  return sql`case when left(${text}, 1) in ('=', '+', '-', '@', chr(9), chr(13)) then '''' || ${text} else nullif(${text}, '') end`;
}

/** Minor units as major ones with two decimals ("-12.50", with the apostrophe a minus gets). */
export function csvMoney(cents: SQLWrapper): SQL {
  return sql`case when ${cents} < 0 then '''-' else '' end || round(abs(coalesce(${cents}, 0))::numeric / 100, 2)::text`;
}

/** A timestamp as "YYYY-MM-DD HH:mm" on the wall clock of `timeZone`; empty when there is none. */
export function csvDateTime(value: SQLWrapper, timeZone: string): SQL {
  return sql`to_char(${value} at time zone ${timeZone}, 'YYYY-MM-DD HH24:MI')`;
}

/** The label of a status or kind; empty for a value with none. */
export function csvLabel(value: SQLWrapper, labels: Record<string, string>): SQL {
  const cases = Object.entries(labels).map(([key, label]) => sql`when ${key} then ${label}`);
  return sql`case (${value})::text ${sql.join(cases, sql` `)} end`;
}

/** A parameter as a SQL literal; COPY takes no parameters, so they are written into its text. */
function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number' && Number.isFinite(value)) return `(${value})`;
  if (typeof value === 'bigint') return `(${value})`;
  if (value instanceof Date) return sqlLiteral(value.toISOString());
  if (typeof value === 'string') {
    // A NUL would end the statement's text early; PostgreSQL cannot store one anyway.
    if (value.includes('\u0000')) throw new Error('A NUL character cannot be sent to PostgreSQL.');
    // An E'' string reads backslashes the same way whatever standard_conforming_strings says.
    return `E'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
  }
  throw new Error(`No SQL literal for a parameter of type ${typeof value}.`);
}

// A quoted literal or identifier (skipped whole, so a `$1` inside one stays text) or a placeholder.
const literalOrPlaceholder = /'(?:[^']|'')*'|"(?:[^"]|"")*"|\$(\d+)/g;

/** A query's text with its parameters written in as literals. */
function inlineParameters(text: string, params: unknown[]): string {
  return text.replace(literalOrPlaceholder, (token, index: string | undefined) => {
    if (index === undefined) return token;
    const position = Number(index) - 1;
    if (position >= params.length) throw new Error(`The query has no parameter $${index}.`);
    return sqlLiteral(params[position]);
  });
}

const LF = 0x0a;
const QUOTE = 0x22;
const CRLF = Buffer.from('\r\n');

/**
 * COPY ends a row with LF; the exports end theirs with CRLF (RFC 4180, as csvRow does). A LF inside
 * a quoted field is data and stays. Every quote toggles the quoted state (an escaped `""` twice),
 * and the state carries from one chunk to the next.
 */
function crlfRowEnds() {
  let quoted = false;
  return (input: Buffer) => {
    const parts: Buffer[] = [];
    let start = 0;
    let nextQuote = input.indexOf(QUOTE);
    let nextLf = input.indexOf(LF);
    for (;;) {
      if (quoted) {
        if (nextQuote < 0) break;
        quoted = false;
        const after = nextQuote + 1;
        nextQuote = input.indexOf(QUOTE, after);
        if (nextLf >= 0 && nextLf < after) nextLf = input.indexOf(LF, after);
      } else if (nextLf >= 0 && (nextQuote < 0 || nextLf < nextQuote)) {
        parts.push(input.subarray(start, nextLf), CRLF);
        start = nextLf + 1;
        nextLf = input.indexOf(LF, start);
      } else if (nextQuote >= 0) {
        quoted = true;
        nextQuote = input.indexOf(QUOTE, nextQuote + 1);
      } else break;
    }
    parts.push(input.subarray(start));
    return Buffer.concat(parts);
  };
}

// About 64 KB a chunk: PostgreSQL sends a message per row, far too small to pass on one by one.
const chunkBytes = 64 * 1024;

/**
 * The rows of `query` as a CSV download body: a BOM (so spreadsheet apps read UTF-8), `header`,
 * then the rows, written by PostgreSQL itself (COPY … TO STDOUT), on a connection of its own. It
 * is read only as fast as the reader takes it: the socket pauses, and PostgreSQL waits, instead of
 * the export queueing in memory.
 */
export async function copyCsv(
  header: string[],
  query: { toSQL(): { sql: string; params: unknown[] } },
): Promise<ReadableStream<Uint8Array>> {
  const { sql: text, params } = query.toSQL();
  const copy = `copy (${inlineParameters(text, params)}) to stdout with (format csv)`;
  // Reserved: the pool pipelines queries onto busy connections, and one sent behind a COPY
  // would wait for the whole export or fail.
  const connection = await db.$client.reserve();
  let rows: Readable;
  try {
    rows = await connection.unsafe(copy).readable();
  } catch (error) {
    connection.release();
    throw error;
  }
  // postgres.js ends the stream at CopyDone, before the statement completes, and a connection
  // released then hangs the next query sent to it: it goes back once a query has come back.
  rows.once('close', () => {
    connection`select 1`.then(
      () => connection.release(),
      () => connection.release(),
    );
  });
  let wake: (() => void) | undefined;
  const wakeReader = () => wake?.();
  rows.on('readable', wakeReader).on('end', wakeReader).on('error', wakeReader);
  const toCrlf = crlfRowEnds();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(`\uFEFF${csvRow(header)}`));
    },
    async pull(controller) {
      const parts: Buffer[] = [];
      let size = 0;
      while (size < chunkBytes && !rows.readableEnded) {
        if (rows.errored) throw rows.errored;
        const chunk = rows.read() as Buffer | null;
        if (chunk) {
          parts.push(chunk);
          size += chunk.length;
        } else {
          await new Promise<void>((resolve) => (wake = resolve));
        }
      }
      if (size) controller.enqueue(toCrlf(Buffer.concat(parts, size)));
      if (rows.readableEnded) controller.close();
    },
    cancel() {
      // Destroying the stream would leave the connection paused mid-COPY, and a cancel request
      // that lands after the COPY ends would cancel the connection's next query: the rest is
      // read and dropped, at most one export's worth, and the connection goes back to the pool.
      rows.off('readable', wakeReader);
      rows.on('data', () => {});
      rows.resume();
    },
  });
}

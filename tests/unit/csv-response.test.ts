import { describe, expect, it } from 'vitest';
import { csvResponse } from '@/lib/csv';

async function* numberedRows(count: number, produced: { rows: number }) {
  for (let index = 0; index < count; index += 1) {
    produced.rows += 1;
    yield [index, `name, ${index}`];
  }
}

describe('csvResponse', () => {
  it('streams every row after a BOM and the header, quoting where needed', async () => {
    const produced = { rows: 0 };
    const response = csvResponse('clients', ['#', 'Name'], numberedRows(20_000, produced), 'UTC');
    // Response.text() drops a BOM; the file the browser saves keeps it.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('\uFEFF#,Name');
    expect(lines[1]).toBe('0,"name, 0"');
    expect(lines[20_000]).toBe('19999,"name, 19999"');
    expect(lines).toHaveLength(20_002);
    expect(produced.rows).toBe(20_000);
  });

  it('reads rows only as fast as the reader takes chunks, and stops when it goes away', async () => {
    const produced = { rows: 0 };
    const response = csvResponse(
      'clients',
      ['#', 'Name'],
      numberedRows(1_000_000, produced),
      'UTC',
    );
    const reader = response.body!.getReader();
    await reader.read();
    await reader.read();
    await new Promise((resolve) => setTimeout(resolve, 50));
    // A chunk holds about 64 KB, some 3,500 of these rows: a few chunks ahead at most.
    expect(produced.rows).toBeGreaterThan(0);
    expect(produced.rows).toBeLessThan(20_000);
    await reader.cancel();
    const afterCancel = produced.rows;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(produced.rows).toBe(afterCancel);
  });
});

import { chmodSync, cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledPostgres } from '@/scripts/lib/postgres-binaries';
import { isPortTaken, startEmbeddedPostgres } from '@/scripts/lib/embedded-postgres';

// Beside the tests' own throwaway server (TEST_EMBEDDED_PG_PORT), never on it.
const port = Number(process.env.TEST_EMBEDDED_PG_PORT ?? 54339) + 1;
const isRoot = os.userInfo().uid === 0;

// A checkout inside a folder of mode 700 (mktemp -d, root's home): the build is copied from there.
const checkout = mkdtempSync(path.join(os.tmpdir(), 'accord-checkout-'));
const release = { ...bundledPostgres(), nativeDir: path.join(checkout, 'native') };
cpSync(bundledPostgres().nativeDir, release.nativeDir, { recursive: true, verbatimSymlinks: true });
// The data and binaries folder, enterable by everyone like /var/tmp/accord.
const shared = mkdtempSync(path.join(os.tmpdir(), 'accord-data-'));
chmodSync(shared, 0o755);
const dataDir = path.join(shared, 'postgres');

afterAll(() => {
  rmSync(checkout, { recursive: true, force: true });
  rmSync(shared, { recursive: true, force: true });
});

async function query<T extends object>(url: string, run: (sql: postgres.Sql) => Promise<T[]>) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await run(sql);
  } finally {
    await sql.end();
  }
}

describe('startEmbeddedPostgres', () => {
  it('runs from a checkout the server may not enter, keeps its data, and stops', async () => {
    const first = await startEmbeddedPostgres({ dataDir, binariesRoot: shared, port, release });
    try {
      await query(first.url('postgres'), (sql) => sql`create table kept (note text)`);
      await query(first.url('postgres'), (sql) => sql`insert into kept values ('still here')`);
      const [who] = await query(
        first.url('postgres'),
        (sql) => sql`select current_setting('server_encoding') as encoding`,
      );
      expect(who?.encoding).toBe('UTF8');
    } finally {
      await first.stop();
    }
    expect(await isPortTaken(port)).toBe(false);

    const second = await startEmbeddedPostgres({
      dataDir,
      binariesRoot: shared,
      port,
      release,
      persistent: false,
    });
    try {
      const rows = await query(second.url('postgres'), (sql) => sql`select note from kept`);
      expect(rows).toEqual([{ note: 'still here' }]);
      await expect(
        startEmbeddedPostgres({ dataDir: `${dataDir}-other`, binariesRoot: shared, port, release }),
      ).rejects.toThrow(`Port ${port} on 127.0.0.1 is already in use`);
    } finally {
      await second.stop();
    }
    expect(existsSync(dataDir)).toBe(false);
  }, 120_000);

  it.runIf(isRoot)(
    'says plainly when the data folder is one the postgres user cannot enter',
    async () => {
      await expect(
        startEmbeddedPostgres({
          dataDir: path.join(checkout, 'data', 'postgres'),
          binariesRoot: shared,
          port,
          release,
        }),
      ).rejects.toThrow(`the "postgres" user, who cannot enter ${checkout}`);
    },
  );
});

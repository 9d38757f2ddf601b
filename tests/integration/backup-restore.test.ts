import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { seedDemo } from '@/db/seed/demo';
import { createDatabase, dropDatabase } from '@/scripts/lib/test-database';
import { tableFingerprints } from '../support/table-fingerprints';

const adminUrl = inject('databaseAdminUrl');
const suffix = randomUUID().replace(/-/g, '').slice(0, 8);
const workDir = mkdtempSync(path.join(os.tmpdir(), 'accord-backup-'));
const created: string[] = [];

async function database(name: string) {
  created.push(name);
  return createDatabase(adminUrl, name);
}

/** Runs one of the npm scripts' entry points as the operator would, against `url`. */
function runScript(script: string, args: string[], url: string) {
  const result = spawnSync(
    path.join('node_modules', '.bin', 'tsx'),
    ['--conditions=react-server', path.join('scripts', script), ...args],
    { encoding: 'utf8', env: { ...process.env, DATABASE_URL: url }, timeout: 120_000 },
  );
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

afterAll(async () => {
  for (const name of created) await dropDatabase(adminUrl, name);
  rmSync(workDir, { recursive: true, force: true });
});

// Each test runs the scripts as the operator would, each a process of its own that starts tsx.
describe('npm run db:backup and db:restore', { timeout: 180_000 }, () => {
  it('round-trips a seeded database: the same tables, row counts and rows', async () => {
    const sourceUrl = await database(`accord_backup_source_${suffix}`);
    const migrated = runScript('migrate.ts', [], sourceUrl);
    expect(migrated.status, migrated.output).toBe(0);
    const sql = postgres(sourceUrl, { max: 1, onnotice: () => {} });
    await seedDemo(drizzle(sql)).finally(() => sql.end());

    const file = path.join(workDir, 'accord.dump');
    const backup = runScript('db-backup.ts', [file], sourceUrl);
    expect(backup.status, backup.output).toBe(0);
    expect(backup.output).toContain(`Backed up the database to ${file}`);
    expect(backup.output).toMatch(
      /The files of \d+ stored documents are not in it: they are in the folder /,
    );

    const targetUrl = await database(`accord_backup_target_${suffix}`);
    const restore = runScript('db-restore.ts', [file], targetUrl);
    expect(restore.status, restore.output).toBe(0);

    const before = await tableFingerprints(sourceUrl);
    const after = await tableFingerprints(targetUrl);
    expect(Object.keys(before).length).toBeGreaterThan(20);
    expect(before['public.users']?.rows).toBeGreaterThan(0);
    expect(after).toEqual(before);
  });

  it('refuses to restore into a database that has tables, and changes nothing in it', async () => {
    const sourceUrl = await database(`accord_backup_full_${suffix}`);
    const sql = postgres(sourceUrl, { max: 1, onnotice: () => {} });
    await sql`create table keep_me (id int)`;
    await sql`insert into keep_me values (1)`;
    const file = path.join(workDir, 'small.dump');
    expect(runScript('db-backup.ts', [file], sourceUrl).status).toBe(0);

    const refused = runScript('db-restore.ts', [file], sourceUrl);
    expect(refused.status).toBe(2);
    expect(refused.output).toContain('Nothing restored: The database is not empty (1 tables');
    const [row] = await sql<{ n: number }[]>`select count(*)::int as n from keep_me`;
    await sql.end();
    expect(row?.n).toBe(1);
  });
});

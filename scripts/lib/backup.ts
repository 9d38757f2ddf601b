import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { migrateDatabase } from '@/db/migrate';
import { storageLocation } from '@/server/documents/storage';
import { connectionArguments, findPostgresTool } from './postgres-tools';

const run = promisify(execFile);

/** Refused: a restore only goes into a database with no tables, views or sequences of its own. */
export class DatabaseNotEmptyError extends Error {
  constructor(readonly relationCount: number) {
    super(
      `The database is not empty (${relationCount} tables, views or sequences). ` +
        'Restore into a new, empty database: createdb NAME, then point DATABASE_URL at it.',
    );
  }
}

async function withConnection<T>(url: string, work: (sql: postgres.Sql) => Promise<T>) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await work(sql);
  } finally {
    await sql.end();
  }
}

async function serverMajor(sql: postgres.Sql) {
  const [row] = await sql<{ version: string }[]>`show server_version_num`;
  return Math.floor(Number(row?.version ?? 0) / 10_000);
}

/** Relations outside PostgreSQL's own schemas: what a non-empty database has. */
async function userRelationCount(sql: postgres.Sql) {
  const [row] = await sql<{ count: number }[]>`
    select count(*)::int as count
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
      and n.nspname not in ('pg_catalog', 'information_schema')
      and n.nspname not like 'pg_toast%' and n.nspname not like 'pg_temp%'`;
  return row?.count ?? 0;
}

/** The files' storage, which a dump does not hold: where it is and how many documents it serves. */
export type FilesReport = { location: string; documents: number };

/** Dumps the database at `url` to `file` in pg_dump's custom format. */
export async function backupDatabase(url: string, file: string) {
  const { major, documents } = await withConnection(url, async (sql) => {
    const [table] = await sql<{ exists: boolean }[]>`
      select to_regclass('public.documents') is not null as exists`;
    const [row] = table?.exists
      ? await sql<{ count: number }[]>`select count(*)::int as count from documents`
      : [];
    return { major: await serverMajor(sql), documents: row?.count ?? 0 };
  });
  const pgDump = await findPostgresTool('pg_dump', major);
  const target = path.resolve(file);
  const { dbname, env } = connectionArguments(url);
  await run(pgDump, ['--format=custom', '--no-owner', `--file=${target}`, `--dbname=${dbname}`], {
    env,
  });
  const location = storageLocation();
  const files: FilesReport = {
    location:
      location.kind === 's3'
        ? `S3 bucket ${location.settings.bucket} at ${location.settings.endpoint}`
        : `the folder ${location.dir}`,
    documents,
  };
  return { file: target, bytes: (await stat(target)).size, files };
}

/**
 * Restores `file` into the empty database at `url`, then applies the migrations the dump is
 * older than. A database with anything in it is refused untouched (DatabaseNotEmptyError).
 */
export async function restoreDatabase(url: string, file: string) {
  const source = path.resolve(file);
  await stat(source);
  const major = await withConnection(url, async (sql) => {
    const relations = await userRelationCount(sql);
    if (relations > 0) throw new DatabaseNotEmptyError(relations);
    return serverMajor(sql);
  });
  const pgRestore = await findPostgresTool('pg_restore', major);
  const { dbname, env } = connectionArguments(url);
  // One transaction: a restore that fails halfway leaves the database empty, ready for a retry.
  await run(
    pgRestore,
    [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      '--single-transaction',
      `--dbname=${dbname}`,
      source,
    ],
    { env, maxBuffer: 16 * 1024 * 1024 },
  );
  await migrateDatabase(url);
}

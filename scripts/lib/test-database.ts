import path from 'node:path';
import postgres from 'postgres';
import { accordDataDir, postgresBinariesRoot } from './data-dir';
import { startEmbeddedPostgres } from './embedded-postgres';

export type TestServer = { adminUrl: string; stop: () => Promise<void> };

/**
 * A PostgreSQL server for tests: TEST_DATABASE_URL when set (its database is only used to create
 * and drop others), otherwise a throwaway embedded server. Refuses anything but a local server,
 * since tests create and drop databases.
 */
export async function acquireTestServer(): Promise<TestServer> {
  const configured = process.env.TEST_DATABASE_URL;
  if (configured) {
    assertLocal(configured);
    return { adminUrl: configured, stop: async () => {} };
  }
  const port = Number(process.env.TEST_EMBEDDED_PG_PORT ?? 54339);
  const server = await startEmbeddedPostgres({
    dataDir: path.join(accordDataDir(), `test-postgres-${port}`),
    binariesRoot: postgresBinariesRoot(),
    port,
    persistent: false,
  });
  return { adminUrl: server.url('postgres'), stop: server.stop };
}

function assertLocal(url: string) {
  const { hostname } = new URL(url);
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(hostname)) {
    throw new Error(
      `Tests create and drop databases, so they only run against a local server, not ${hostname}.`,
    );
  }
}

/** Runs `statements` on the server's admin database (CREATE/DROP DATABASE cannot run in a transaction). */
async function onAdminDatabase(adminUrl: string, run: (sql: postgres.Sql) => Promise<unknown>) {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await run(sql);
  } finally {
    await sql.end();
  }
}

/** A fresh database copied from `template`, or an empty one without it. */
export async function createDatabase(adminUrl: string, name: string, template?: string) {
  await onAdminDatabase(adminUrl, async (sql) => {
    await sql.unsafe(`drop database if exists "${name}" with (force)`);
    await sql.unsafe(`create database "${name}"${template ? ` template "${template}"` : ''}`);
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(adminUrl: string, name: string) {
  await onAdminDatabase(adminUrl, (sql) =>
    sql.unsafe(`drop database if exists "${name}" with (force)`),
  );
}

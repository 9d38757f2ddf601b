import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { started, startAccordServer, waitFor } from './accord-server';

/**
 * The two servers the benchmark compares, each started and stopped on its own so only one loads
 * the cores at a time: Accord served as `npm start` serves it, and the floor, a bare Next.js app
 * (scripts/bench/floor) built into a temporary folder of the checkout (Turbopack compiles nothing
 * outside the workspace root), never part of Accord's build.
 */

const floorSource = 'scripts/bench/floor';
const floorBuild = '.bench-floor';
const next = path.resolve('node_modules', '.bin', 'next');

function runToEnd(command: string, args: string[], cwd = '.') {
  return new Promise<void>((resolve, reject) =>
    spawn(command, args, {
      cwd,
      stdio: 'inherit',
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    }).on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed`)),
    ),
  );
}

function hashOfTree(folder: string): string {
  const hash = createHash('sha256');
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    hash.update(file).update(readFileSync(file));
  }
  return hash.digest('hex');
}

/** Migrates DATABASE_URL and fills it with the large seed unless it holds it already. */
export async function prepareDatabase() {
  const tsx = path.resolve('node_modules', '.bin', 'tsx');
  await runToEnd(tsx, ['--conditions=react-server', 'scripts/migrate.ts']);
  await runToEnd(tsx, ['--conditions=react-server', 'scripts/seed-large.ts']);
}

/** Builds Accord unless a build is there (BENCH_BUILD=1 forces one). */
export async function buildAccord() {
  if (existsSync('.next/BUILD_ID') && process.env.BENCH_BUILD !== '1') return;
  await runToEnd(next, ['build']);
}

/** Builds the floor app into its temporary folder, again only when its sources changed. */
export async function buildFloor() {
  const sourceHash = hashOfTree(floorSource);
  const stamp = path.join(floorBuild, '.source-hash');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === sourceHash) return;
  rmSync(floorBuild, { recursive: true, force: true });
  cpSync(floorSource, floorBuild, { recursive: true });
  await runToEnd(next, ['build'], floorBuild);
  writeFileSync(stamp, sourceHash);
}

const serverEnv = {
  NEXT_TELEMETRY_DISABLED: '1',
  // Background jobs would catch up on the seed's overdue reviews and unsent e-mail mid-run.
  ACCORD_JOBS: 'off',
};

/** Accord as `npm start` runs it, with `processes` Next.js processes (WEB_CONCURRENCY). */
export function startAccord(port: number, processes: number | undefined, secret: string) {
  return startAccordServer(port, {
    ...serverEnv,
    ...(processes ? { WEB_CONCURRENCY: String(processes) } : {}),
    AUTH_SECRET: secret,
  });
}

/** The floor app under `next start`: one process, as Accord with WEB_CONCURRENCY=1 renders on one. */
export async function startFloor(port: number) {
  const server = spawn(next, ['start', '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: floorBuild,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...serverEnv },
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/`, server);
  return started('floor', server, base);
}

/** A session secret for one benchmark: cookies signed with it stay valid across restarts. */
export function benchSecret() {
  return randomBytes(32).toString('base64url');
}

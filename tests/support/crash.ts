import { spawn } from 'node:child_process';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, expect } from 'vitest';
import { db } from '@/db/client';
import { tableFingerprints } from './table-fingerprints';

// A kill test loads a child app instance, runs an action twice and compares the whole database:
// on a busy machine that takes longer than the default 30 s.
export const crashTestTimeout = 120_000;

/** What the crash child runs: the action definition `name` exported by `module`, as `actorId`. */
export type CrashJob = { module: string; name: string; actorId: string; inputs: unknown[] };
export type CrashReport =
  { ready: true } | { committed: number; data: unknown } | { refused: string };

type Holder = postgres.TransactionSql;

/**
 * Where to stop the child: the parent takes `hold` (a lock) first and keeps it, so the child's
 * transaction waits on it at the statement `blocks` matches, after it wrote to the tables `wrote`.
 */
export type KillPoint = {
  name: string;
  hold: (tx: Holder) => Promise<unknown>;
  blocks: RegExp;
  wrote: string[];
};

/**
 * Stops the child at its first insert into `table` by holding the table against writes (reads
 * still pass).
 */
export function beforeInsertInto(table: string, name: string, wrote: string[]): KillPoint {
  return {
    name,
    hold: (tx) => tx`lock table ${tx(table)} in exclusive mode`,
    blocks: new RegExp(`insert into "${table}"`),
    wrote,
  };
}

/**
 * Stops the child where it moves the client's last activity, the last write of a timeline line,
 * by holding that client's row against updates (foreign-key checks on it still pass).
 */
export function atLastActivityOf(clientId: string, name: string, wrote: string[]): KillPoint {
  return {
    name,
    hold: (tx) => tx`select 1 from clients where id = ${clientId} for no key update`,
    blocks: /update "clients" set "last_activity_at"/,
    wrote,
  };
}

/** Waits until `condition` gives something truthy, and returns it. */
export async function until<T>(condition: () => Promise<T> | T, what: string) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Spawns a crash child, an app instance of its own; `run` gives it its job once it is ready. */
function spawnCrashChild() {
  // Node itself with tsx as a loader, not the tsx command: that one runs Node as a child of its
  // own, which SIGKILL would leave running.
  const child = spawn(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', 'tests/support/crash-child.ts'],
    { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] },
  );
  const committed: unknown[] = [];
  let failure = '';
  child.stderr!.on('data', (chunk: Buffer) => (failure += chunk.toString()));
  let markReady: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.on('message', (report: CrashReport) => {
    if ('ready' in report) markReady();
    else if ('committed' in report) committed.push(report.data);
    else failure = report.refused;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  /** Throws with what the child said when it ended on its own. */
  function assertRunning() {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the crash child ended: ${failure || 'without a word'}`);
    }
  }
  return {
    /** Waits until the child has loaded the app, and fails if it ended instead. */
    async ready() {
      await Promise.race([ready, exited]);
      assertRunning();
    },
    run(job: CrashJob) {
      child.send(job);
    },
    /** The data of each action that committed, in order. */
    committed,
    assertRunning,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

type CrashChild = ReturnType<typeof spawnCrashChild>;

// Loading the app takes a child several seconds on a busy machine, so once a test's child is
// ready the next test's starts loading.
let spare: CrashChild | undefined;

afterAll(async () => {
  await spare?.kill();
});

/** A crash child that is loading the app or has loaded it; the next one loads once it is ready. */
export function startCrashChild() {
  const child = spare ?? spawnCrashChild();
  spare = undefined;
  void child.ready().then(
    () => (spare ??= spawnCrashChild()),
    () => {},
  );
  return child;
}

/** The backend of this database waiting on a lock, with the tables its transaction wrote to. */
async function blockedBackend() {
  const [row] = await db.execute<{ pid: number; query: string; written: string[] }>(sql`
    select a.pid, a.query, array(
      select c.relname::text from pg_locks l join pg_class c on c.oid = l.relation
      where l.pid = a.pid and l.granted and l.mode = 'RowExclusiveLock' and c.relkind = 'r'
      order by 1
    ) as written
    from pg_stat_activity a
    where a.datname = current_database() and a.wait_event_type = 'Lock'`);
  return row;
}

/** Every lock another backend of this database holds or waits for. */
export async function locksHeldByOthers() {
  return db.execute<{ pid: number; locktype: string; mode: string; relation: string | null }>(sql`
    select l.pid, l.locktype, l.mode, l.relation::regclass::text as relation
    from pg_locks l join pg_stat_activity a on a.pid = l.pid
    where a.datname = current_database() and a.pid <> pg_backend_pid()`);
}

/**
 * Runs `job` in the crash child until it waits at `point`, inside its transaction, then kills it
 * with SIGKILL and releases the lock, as a crashed instance's connection would be dropped.
 * Returns the statement it was stuck on and the tables it had written to, once PostgreSQL has
 * ended the killed connection.
 */
export async function killWhileBlocked(job: CrashJob, point: KillPoint) {
  const child = startCrashChild();
  const holder = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  let crash: { pid: number; query: string; written: string[] };
  try {
    await child.ready();
    crash = await holder.begin(async (tx) => {
      await point.hold(tx);
      child.run(job);
      const blocked = await until(async () => {
        child.assertRunning();
        return blockedBackend();
      }, `the child to wait ${point.name}`);
      await child.kill();
      return blocked;
    });
  } finally {
    await child.kill();
    await holder.end();
  }
  await until(async () => {
    const [row] = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from pg_stat_activity where pid = ${crash.pid}`,
    );
    return row?.n === 0;
  }, 'PostgreSQL to end the killed child’s connection');
  return crash;
}

/**
 * Kills `job` at `point` and checks that it was stopped mid-transaction, after its first writes,
 * and that nothing of it is left: every table's rows exactly as before, and no lock held.
 */
export async function expectKillLeavesNoTrace(job: CrashJob, point: KillPoint) {
  const url = process.env.DATABASE_URL!;
  const before = await tableFingerprints(url);
  const crash = await killWhileBlocked(job, point);
  expect(await tableFingerprints(url)).toEqual(before);
  expect(await locksHeldByOthers()).toEqual([]);
  expect(crash.query).toMatch(point.blocks);
  expect(crash.written).toEqual(expect.arrayContaining(point.wrote));
}

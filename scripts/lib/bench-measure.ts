import { readdirSync, readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import type { Sql } from 'postgres';

/** What one request of a case sends (the cookie is added per server). */
export type BenchRequest = {
  method?: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
};

export type Measurement = {
  rps: number;
  p50: number;
  p95: number;
  errors: number;
  /** Body bytes of one response, uncompressed. */
  bytes: number;
  /** Server CPU (user + system of the server's process tree) per request, ms. */
  serverCpuMs: number;
  /** CPU of the PostgreSQL backends serving the database per request, ms. */
  databaseCpuMs: number;
};

export function percentile(values: number[], fraction: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
}

// Linux's USER_HZ: /proc counts CPU time in hundredths of a second on every current kernel.
const msPerTick = 10;

type ProcessStat = { pid: number; parentPid: number; cpuTicks: number; rssPages: number };

function readStat(pid: number): ProcessStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may itself hold spaces or parentheses.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return {
      pid,
      parentPid: Number(fields[1]),
      cpuTicks: Number(fields[11]) + Number(fields[12]),
      rssPages: Number(fields[21]),
    };
  } catch {
    return undefined;
  }
}

function allProcesses() {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readStat(Number(name)))
    .filter((stat): stat is ProcessStat => stat !== undefined);
}

/** The processes of the tree rooted at `rootPid` (the server and every worker it forked). */
export function processTree(rootPid: number) {
  const processes = allProcesses();
  const tree = new Map<number, ProcessStat>();
  const root = processes.find((stat) => stat.pid === rootPid);
  if (root) tree.set(root.pid, root);
  let grew = true;
  while (grew) {
    grew = false;
    for (const stat of processes) {
      if (!tree.has(stat.pid) && tree.has(stat.parentPid)) {
        tree.set(stat.pid, stat);
        grew = true;
      }
    }
  }
  return [...tree.values()];
}

/** CPU ticks per pid, to subtract before from after (a process that ended in between is lost). */
function cpuOf(stats: ProcessStat[]) {
  return new Map(stats.map((stat) => [stat.pid, stat.cpuTicks]));
}

function cpuDeltaMs(before: Map<number, number>, after: Map<number, number>) {
  let ticks = 0;
  for (const [pid, cpu] of after) ticks += cpu - (before.get(pid) ?? 0);
  return ticks * msPerTick;
}

const pageBytes = 4096;

/** Resident memory of a process tree, MB. */
export function treeRssMb(rootPid: number) {
  return (
    processTree(rootPid).reduce((sum, stat) => sum + stat.rssPages, 0) * (pageBytes / 1024 / 1024)
  );
}

/** The PostgreSQL backends connected to the benchmark's database, other than `sql`'s own. */
async function databaseBackends(sql: Sql) {
  const rows = await sql<{ pid: number }[]>`
    select pid from pg_stat_activity
    where datname = current_database() and pid <> pg_backend_pid()`;
  return rows
    .map((row) => readStat(row.pid))
    .filter((stat): stat is ProcessStat => stat !== undefined);
}

type LoadOptions = { base: string; cookie: string; seconds: number; connections: number };

/** `request` at `connections` concurrent connections for `seconds`, with each response's time. */
function fire(request: BenchRequest, options: LoadOptions, seconds: number) {
  const latencies: number[] = [];
  return new Promise<{ result: autocannon.Result; latencies: number[] }>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${options.base}${request.path}`,
        method: request.method ?? 'GET',
        body: request.body,
        headers: { cookie: options.cookie, ...request.headers },
        connections: options.connections,
        duration: seconds,
      },
      (error, result) => (error ? reject(error) : resolve({ result, latencies })),
    );
    instance.on('response', (_client, _statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
  });
}

/** `request` fired for `options.seconds` and not measured, to bring the server's code up to speed. */
export async function warmUp(request: BenchRequest, options: LoadOptions) {
  await fire(request, options, options.seconds);
}

/** One response's status and body size, uncompressed, as autocannon receives it. */
async function probe(request: BenchRequest, options: Pick<LoadOptions, 'base' | 'cookie'>) {
  const response = await fetch(`${options.base}${request.path}`, {
    method: request.method ?? 'GET',
    body: request.body,
    redirect: 'manual',
    headers: { cookie: options.cookie, 'accept-encoding': 'identity', ...request.headers },
  });
  const body = await response.arrayBuffer();
  return { status: response.status, bytes: body.byteLength };
}

/**
 * Loads `request` after an unmeasured warm-up (a fresh server compiles each route's code on its
 * first requests) and reads the CPU the server's process tree and the database's backends spent
 * in the measured window, from /proc before and after it.
 */
export async function measure(
  request: BenchRequest,
  options: LoadOptions & { serverPid: number; sql: Sql; warmUpSeconds: number },
): Promise<Measurement | { missing: number }> {
  const { status, bytes } = await probe(request, options);
  if (status === 404) return { missing: status };
  await fire(request, options, options.warmUpSeconds);
  const serverBefore = cpuOf(processTree(options.serverPid));
  const databaseBefore = cpuOf(await databaseBackends(options.sql));
  const { result, latencies } = await fire(request, options, options.seconds);
  const serverAfter = cpuOf(processTree(options.serverPid));
  const databaseAfter = cpuOf(await databaseBackends(options.sql));
  const requests = Math.max(1, result.requests.total);
  return {
    rps: result.requests.total / options.seconds,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    errors: result.errors + result.non2xx,
    bytes,
    serverCpuMs: cpuDeltaMs(serverBefore, serverAfter) / requests,
    databaseCpuMs: cpuDeltaMs(databaseBefore, databaseAfter) / requests,
  };
}

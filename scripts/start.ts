import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import { format, parseArgs } from 'node:util';
import { logger } from '@/lib/observability/logger';
import { serveClusterMetrics } from '@/lib/observability/metrics';
import { runShutdownHooks } from '@/lib/observability/shutdown';
import { createNextServer } from './lib/next-server';

/**
 * `npm start`: the production build served by several Next.js processes. A Node process renders
 * on one core, so a single `next start` leaves the others idle while requests queue.
 *
 * WEB_CONCURRENCY sets the number of processes (the cores, at most 4, by default: each holds its
 * own pool of DATABASE_POOL_SIZE connections). Background jobs run in the first process only. A
 * process that dies is replaced after a second, unless they keep dying. Every process logs JSON
 * lines (lib/observability/logger.ts).
 *
 * SIGTERM and SIGINT shut down gracefully: each process stops accepting connections, lets its
 * requests in flight finish (for up to 10 seconds, then closes what is left), lets running jobs
 * finish and stops pg-boss, closes its database pool and exits 0.
 */

function positiveInteger(name: string, value: string, max: number) {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > max) {
    logger.fatal(`${name} must be a whole number from 1 to ${max}, not "${value}".`);
    process.exit(1);
  }
  return parsed;
}

const { values } = parseArgs({
  options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } },
});
const port = positiveInteger('The port', values.port ?? process.env.PORT ?? '3000', 65_535);
// Every interface unless --hostname says otherwise, as `next start` does.
const hostname = values.hostname;
const workerCount = positiveInteger(
  'WEB_CONCURRENCY',
  process.env.WEB_CONCURRENCY ?? String(Math.min(availableParallelism(), 4)),
  64,
);
const drainTimeoutMs = 10_000;
// Past this, a process that has not finished shutting down (a job that never returns) is ended.
const shutdownDeadlineMs = 40_000;
const restartDelayMs = 1_000;
// More deaths than this within a minute means something is wrong that a restart will not fix.
const maxRestartsPerMinute = 5;

// A render allocates megabytes that die young, and with V8's default 16 MB semi-spaces a process
// spends a tenth of its time in scavenges. With 64 MB a list, the home page and the board serve
// 4-10% more requests a second (two servers measured side by side); an operator's own setting in
// NODE_OPTIONS wins.
const youngGenerationFlag = '--max-semi-space-size=64';

function workerExecArgv() {
  const chosen = `${process.env.NODE_OPTIONS ?? ''} ${process.execArgv.join(' ')}`;
  return chosen.includes('--max-semi-space-size')
    ? process.execArgv
    : [...process.execArgv, youngGenerationFlag];
}

function runPrimary() {
  cluster.setupPrimary({ execArgv: workerExecArgv() });
  let stopping = false;
  let started = false;
  let listeningCount = 0;
  let jobsWorker: Worker | undefined;
  const recentDeaths: number[] = [];

  const fork = (withJobs: boolean) => {
    // ACCORD_JOBS=off set by the operator stays off in every process.
    const worker = cluster.fork(withJobs ? {} : { ACCORD_JOBS: 'off' });
    if (withJobs) jobsWorker = worker;
    return worker;
  };
  const stop = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  cluster.on('listening', () => {
    listeningCount += 1;
    if (!started && listeningCount === workerCount) {
      started = true;
      logger.info(
        `Accord on http://${hostname ?? 'localhost'}:${port} (${workerCount} processes).`,
      );
    }
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (code !== 0) process.exitCode = 1;
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit();
      return;
    }
    const withJobs = worker === jobsWorker;
    // One that fails before the site is up (no build, a bad setting) would only fail again.
    if (!started) {
      logger.fatal(`Accord could not start (a process exited with ${signal ?? code}).`);
      process.exitCode = 1;
      stop('SIGTERM');
      return;
    }
    const now = Date.now();
    recentDeaths.push(now);
    while ((recentDeaths[0] ?? now) < now - 60_000) recentDeaths.shift();
    if (recentDeaths.length > maxRestartsPerMinute) {
      logger.fatal(`Processes keep stopping (${recentDeaths.length} in a minute); giving up.`);
      process.exitCode = 1;
      stop('SIGTERM');
      return;
    }
    logger.error(`A process stopped (${signal ?? code}); starting another.`);
    setTimeout(() => {
      if (!stopping) fork(withJobs);
    }, restartDelayMs);
  });

  serveClusterMetrics();
  for (let index = 0; index < workerCount; index += 1) fork(index === 0);
}

/** Next.js and libraries print with console: their lines become JSON lines of the same log. */
function logConsoleAsJson() {
  console.log = (...args: unknown[]) => logger.info(format(...args));
  console.info = (...args: unknown[]) => logger.info(format(...args));
  console.warn = (...args: unknown[]) => logger.warn(format(...args));
  console.error = (...args: unknown[]) => logger.error(format(...args));
}

async function runWorker() {
  Object.assign(process.env, {
    NODE_ENV: 'production',
    PORT: String(port),
    // What `next start` sets: server actions that redirect fetch the target from this origin. No
    // public option does (next()'s hostname and port take the protocol from X-Forwarded-Proto);
    // tests/unit/next-internals.test.ts fails if Next stops reading it.
    __NEXT_PRIVATE_ORIGIN: `http://${!hostname || hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}`,
  });
  logConsoleAsJson();
  const { app, server } = await createNextServer({ dev: false, hostname, port });
  let closing = false;
  const close = () => {
    if (closing) return;
    closing = true;
    setTimeout(() => process.exit(1), shutdownDeadlineMs).unref();
    const drained = new Promise<void>((resolve) => server.close(() => resolve()));
    // Keep-alive connections with no request in flight would hold server.close() open.
    server.closeIdleConnections();
    const drainTimer = setTimeout(() => server.closeAllConnections(), drainTimeoutMs);
    void drained
      .then(async () => {
        clearTimeout(drainTimer);
        await runShutdownHooks();
        await app.close();
        logger.info('stopped');
        logger.flush();
        process.exit(0);
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, 'the shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', close);
  process.on('SIGINT', close);
  server.listen(port, hostname);
}

if (cluster.isPrimary) runPrimary();
else await runWorker();

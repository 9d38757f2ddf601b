import cluster from 'node:cluster';
import { createServer } from 'node:http';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';

/**
 * `npm start`: the production build served by one Next.js process per core. A Node process
 * renders on one core, so a single `next start` leaves the others idle while requests queue.
 * WEB_CONCURRENCY sets the number of processes; the primary restarts one that dies and passes
 * SIGTERM/SIGINT on so each finishes its requests before exiting.
 */

const { values } = parseArgs({
  options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
// Every interface unless --hostname says otherwise, as `next start` does.
const hostname = values.hostname;
const workerCount = Math.max(1, Number(process.env.WEB_CONCURRENCY ?? availableParallelism()));

function runPrimary() {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  const listening = new Set<number>();
  cluster.on('listening', (worker) => listening.add(worker.id));
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit();
      return;
    }
    // One that never started (no build, a bad setting) would only fail again.
    if (!listening.has(worker.id)) {
      console.error(`Accord could not start (worker exited with ${signal ?? code}).`);
      stop('SIGTERM');
      process.exitCode = 1;
      return;
    }
    console.error(`Worker ${worker.process.pid} stopped (${signal ?? code}); starting another.`);
    cluster.fork();
  });
  for (let index = 0; index < workerCount; index += 1) cluster.fork();
  console.log(`Accord on http://${hostname ?? 'localhost'}:${port} with ${workerCount} worker(s).`);
}

async function runWorker() {
  Object.assign(process.env, { NODE_ENV: 'production' });
  const { default: next } = await import('next');
  const app = next({ dev: false, hostname: hostname ?? 'localhost', port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((request, response) => void handle(request, response));
  const close = () => server.close(() => process.exit(0));
  process.on('SIGTERM', close);
  process.on('SIGINT', close);
  server.listen(port, hostname);
}

if (cluster.isPrimary) runPrimary();
else await runWorker();

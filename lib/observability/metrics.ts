import cluster from 'node:cluster';
import { randomUUID } from 'node:crypto';
import client from 'prom-client';

type Metrics = {
  registry: client.Registry;
  httpRequests: client.Counter<'method' | 'route' | 'status'>;
  httpDuration: client.Histogram<'method' | 'route'>;
  jobRuns: client.Counter<'queue'>;
  jobFailures: client.Counter<'queue'>;
};

function createMetrics(): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'accord_' });
  // A worker answers the primary's requests for its metrics (see clusterMetricsText).
  if (cluster.isWorker) {
    client.AggregatorRegistry.setRegistries([registry]);
    new client.AggregatorRegistry();
  }
  const registers = [registry];
  return {
    registry,
    httpRequests: new client.Counter({
      name: 'accord_http_requests_total',
      help: 'HTTP requests answered, by method, route pattern and status.',
      labelNames: ['method', 'route', 'status'],
      registers,
    }),
    httpDuration: new client.Histogram({
      name: 'accord_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by method and route pattern.',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    jobRuns: new client.Counter({
      name: 'accord_job_runs_total',
      help: 'Background job runs started, by queue.',
      labelNames: ['queue'],
      registers,
    }),
    jobFailures: new client.Counter({
      name: 'accord_job_failures_total',
      help: 'Background job runs that failed, by queue.',
      labelNames: ['queue'],
      registers,
    }),
  };
}

// One set per process: the HTTP server and Next's bundle each load this module.
const globalForMetrics = globalThis as unknown as { accordMetrics?: Metrics };

export function metrics(): Metrics {
  globalForMetrics.accordMetrics ??= createMetrics();
  return globalForMetrics.accordMetrics;
}

/** Counts one run of a job on `queue`, and its failure when `run` throws. */
export async function countJobRun<T>(queue: string, run: () => Promise<T>): Promise<T> {
  const { jobRuns, jobFailures } = metrics();
  jobRuns.inc({ queue });
  try {
    return await run();
  } catch (error) {
    jobFailures.inc({ queue });
    throw error;
  }
}

/**
 * A gauge of the database pool: its size, and this process's open connections by state, read
 * from pg_stat_activity under the pool's application_name when scraped.
 */
export function registerPoolMetrics(
  size: number,
  connectionsByState: () => Promise<{ state: string; count: number }[]>,
) {
  const { registry } = metrics();
  if (registry.getSingleMetric('accord_db_pool_size')) return;
  new client.Gauge({
    name: 'accord_db_pool_size',
    help: 'The most database connections this process opens.',
    registers: [registry],
    collect() {
      this.set(size);
    },
  });
  new client.Gauge({
    name: 'accord_db_pool_connections',
    help: 'Open database connections of this process, by state (active, idle, …).',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const { state, count } of await connectionsByState()) this.set({ state }, count);
    },
  });
}

const metricsRequest = 'accord:metrics-request';
const metricsResponse = 'accord:metrics-response';

type MetricsMessage = { type: typeof metricsResponse; id: string; text?: string; error?: string };

function isMetricsResponse(message: unknown, id: string): message is MetricsMessage {
  const candidate = message as Partial<MetricsMessage> | null;
  return candidate?.type === metricsResponse && candidate.id === id;
}

/**
 * The metrics in Prometheus' text format: of every process under `npm start` (asked of the
 * primary, which gathers them from each worker), otherwise of this process.
 */
export async function metricsText(): Promise<string> {
  const send = process.send?.bind(process);
  if (!cluster.isWorker || !send) return metrics().registry.metrics();
  const id = randomUUID();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error('The primary process did not answer.')), 6000);
    const listener = (message: unknown) => {
      if (!isMetricsResponse(message, id)) return;
      finish(message.error ? new Error(message.error) : null, message.text ?? '');
    };
    const finish = (error: Error | null, text = '') => {
      clearTimeout(timer);
      process.off('message', listener);
      if (error) reject(error);
      else resolve(text);
    };
    process.on('message', listener);
    send({ type: metricsRequest, id });
  });
}

/** In the primary of `npm start`: answers each worker's request with every worker's metrics. */
export function serveClusterMetrics() {
  const aggregator = new client.AggregatorRegistry();
  cluster.on('message', (worker, message: { type?: string; id?: string }) => {
    if (message?.type !== metricsRequest || typeof message.id !== 'string') return;
    const { id } = message;
    aggregator.clusterMetrics().then(
      (text) => worker.send({ type: metricsResponse, id, text }),
      (error: unknown) =>
        worker.send({
          type: metricsResponse,
          id,
          error: error instanceof Error ? error.message : 'failed',
        }),
    );
  });
}

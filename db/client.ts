import 'server-only';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { registerPoolMetrics } from '@/lib/observability/metrics';
import { onShutdown } from '@/lib/observability/shutdown';
import * as schema from './schema';

function connect() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      'DATABASE_URL is not set. Start Accord with `npm run dev`, or set DATABASE_URL.',
    );
  }
  const max = Number(process.env.DATABASE_POOL_SIZE ?? 10);
  // Names this process's connections in pg_stat_activity, where the pool gauge counts them.
  const applicationName = `accord-${process.pid}`;
  const sql = postgres(url, {
    max,
    onnotice: () => {},
    connection: { application_name: applicationName },
  });
  registerPoolMetrics(max, () =>
    sql<{ state: string; count: number }[]>`
      select coalesce(state, 'unknown') as state, count(*)::int as count from pg_stat_activity
      where application_name = ${applicationName} and pid <> pg_backend_pid() group by 1`.then(
      (rows) => [...rows],
    ),
  );
  onShutdown('database', () => sql.end({ timeout: 5 }));
  return drizzle(sql, { schema });
}

type DrizzleDatabase = ReturnType<typeof connect>;

// One pool per process, made on first use: `next build` imports this module without a database,
// and Next's dev server reloads modules on change without dropping the pool.
const globalForDb = globalThis as unknown as { accordDb?: DrizzleDatabase };

function database(): DrizzleDatabase {
  globalForDb.accordDb ??= connect();
  return globalForDb.accordDb;
}

export const db = new Proxy({} as DrizzleDatabase, {
  // Methods called through the proxy get it as `this`, and read the real instance through it.
  get: (_target, property) => Reflect.get(database(), property),
});

export type Database = DrizzleDatabase;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** A database handle that is either the pool or an open transaction. */
export type Executor = Database | Transaction;

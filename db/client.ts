import 'server-only';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema';

function connect() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      'DATABASE_URL is not set. Start Accord with `npm run dev`, or set DATABASE_URL.',
    );
  }
  const sql = postgres(url, {
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    onnotice: () => {},
  });
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

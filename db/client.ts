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
  return postgres(url, { max: Number(process.env.DATABASE_POOL_SIZE ?? 10), onnotice: () => {} });
}

// Next's dev server reloads modules on change; keep one pool per process instead of one per reload.
const globalForDb = globalThis as unknown as { accordSql?: postgres.Sql };
const sql = globalForDb.accordSql ?? connect();
if (process.env.NODE_ENV !== 'production') globalForDb.accordSql = sql;

export const db = drizzle(sql, { schema });
export type Database = typeof db;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** A database handle that is either the pool or an open transaction. */
export type Executor = Database | Transaction;

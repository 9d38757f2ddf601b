import 'server-only';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';

// An arbitrary constant that names "Accord migrations" among advisory locks.
export const MIGRATION_LOCK_KEY = 727_274_001;

/**
 * Applies the committed migrations. Drizzle's migrator does not lock, so two instances starting
 * together would race; a session-level advisory lock on a single connection serialises them.
 */
export async function migrateDatabase(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migrate(drizzle(sql), { migrationsFolder: path.join(process.cwd(), 'db/migrations') });
    await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
  } finally {
    await sql.end();
  }
}

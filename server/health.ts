import 'server-only';
import { sql } from 'drizzle-orm';
import { db } from '@/db/client';

/** Whether the database answers a trivial query within `timeoutMs`. */
export async function isDatabaseHealthy(timeoutMs = 2000) {
  const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), timeoutMs));
  const query = db.execute(sql`select 1`).then(
    () => true,
    () => false,
  );
  return Promise.race([query, timeout]);
}

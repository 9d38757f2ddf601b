import 'server-only';
import { sql } from 'drizzle-orm';
import { db } from '@/db/client';

function withinTimeout<T>(work: Promise<T>, timeoutMs: number, onTimeout: T): Promise<T> {
  const timeout = new Promise<T>((resolve) => setTimeout(() => resolve(onTimeout), timeoutMs));
  return Promise.race([work, timeout]);
}

/** Whether the database answers a trivial query within `timeoutMs`. */
export async function isDatabaseHealthy(timeoutMs = 2000) {
  const query = db.execute(sql`select 1`).then(
    () => true,
    () => false,
  );
  return withinTimeout(query, timeoutMs, false);
}

/** Runs in a row that all failed before a queue counts as failing, not just unlucky once. */
export const persistentFailureRuns = 3;

export type JobQueueHealth =
  | { status: 'ok' }
  | { status: 'unavailable'; reason: 'unreachable' | 'not installed' }
  | { status: 'failing'; queues: string[] };

/**
 * The job queue as pg-boss keeps it in the database: reachable, its schema installed, and no
 * queue whose last few finished runs (in the past day) all failed.
 */
export async function jobQueueHealth(timeoutMs = 2000): Promise<JobQueueHealth> {
  const check = async (): Promise<JobQueueHealth> => {
    const [installed] = await db.execute<{ present: boolean }>(
      sql`select to_regclass('pgboss.job') is not null and to_regclass('pgboss.version') is not null as present`,
    );
    if (!installed?.present) return { status: 'unavailable', reason: 'not installed' };
    const failing = await db.execute<{ name: string }>(sql`
      select name from (
        select name, state::text as state,
          row_number() over (partition by name order by completed_on desc) as recency
        from pgboss.job
        where state::text in ('completed', 'failed') and completed_on > now() - interval '1 day'
      ) recent
      where recency <= ${persistentFailureRuns}
      group by name
      having count(*) = ${persistentFailureRuns} and bool_and(state = 'failed')
      order by name`);
    return failing.length > 0
      ? { status: 'failing', queues: failing.map((row) => row.name) }
      : { status: 'ok' };
  };
  return withinTimeout(
    check().catch((): JobQueueHealth => ({ status: 'unavailable', reason: 'unreachable' })),
    timeoutMs,
    { status: 'unavailable', reason: 'unreachable' },
  );
}

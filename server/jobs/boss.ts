import 'server-only';
import { sql } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import { db, type Database } from '@/db/client';
import { logger } from '@/lib/observability/logger';
import { countJobRun } from '@/lib/observability/metrics';
import { onShutdown } from '@/lib/observability/shutdown';
import {
  createEmailQueue,
  queueNotificationEmails,
  workEmailQueue,
} from './deliver-notification-emails';
import { escalateOverdueFeedback } from './escalate-overdue-feedback';
import { runContractDates } from './contract-dates';
import { escalateOverdueReviews } from './escalate-overdue-reviews';
import { expireProposals } from './expire-proposals';
import { markOverdueInvoicesJob } from './mark-overdue-invoices';
import { runReportSchedules } from '@/server/reports/schedules';

type Job = {
  name: string;
  run: (database: Database, now: Date, boss: PgBoss) => Promise<unknown>;
};

/** The scheduled jobs; each body is a plain function that the integration tests call directly. */
const jobs: Job[] = [
  { name: 'proposals.escalate-overdue-reviews', run: escalateOverdueReviews },
  { name: 'proposals.expire', run: expireProposals },
  { name: 'feedback.escalate-overdue', run: escalateOverdueFeedback },
  { name: 'contracts.dates', run: runContractDates },
  { name: 'invoices.mark-overdue', run: markOverdueInvoicesJob },
  { name: 'reports.scheduled', run: runReportSchedules },
  // Hands each new notification's e-mail to a job of its own on the e-mail queue.
  {
    name: 'notifications.email',
    run: (database, _now, boss) => queueNotificationEmails(database, boss),
  },
];

const everyMinute = '* * * * *';

// One queue per server process: Next's dev server may load this module again on a change.
const globalForJobs = globalThis as unknown as { accordJobs?: Promise<PgBoss> };

/**
 * Starts pg-boss (its tables live in the `pgboss` schema, which it creates and migrates itself)
 * and runs every job once a minute. Schedules are shared through the database, so with several
 * app instances each minute's job still runs once.
 */
export function startJobs() {
  globalForJobs.accordJobs ??= boot();
  return globalForJobs.accordJobs;
}

async function boot() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error('DATABASE_URL is not set.');
  const boss = new PgBoss({ connectionString, max: 2, application_name: 'accord-jobs' });
  boss.on('error', (error) => logger.error({ err: error }, 'pg-boss reported an error'));
  await boss.start();
  // On shutdown: take no new jobs, let the running ones finish, then close pg-boss's pool.
  onShutdown('jobs', () => boss.stop({ graceful: true, wait: true, timeout: 20_000 }));
  // Processes that start together (`npm start` runs one per core) would create the same queues at
  // once and deadlock inside pg-boss; the lock lets one process set them up at a time.
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('accord:jobs-setup'))`);
    for (const job of jobs) {
      // "stately": at most one run waiting and one running, so a slow run never piles up others.
      await boss.createQueue(job.name, { name: job.name, policy: 'stately', expireInSeconds: 300 });
      await boss.schedule(job.name, everyMinute);
    }
    await createEmailQueue(boss);
  });
  for (const job of jobs) {
    await boss.work(job.name, { pollingIntervalSeconds: 10 }, async () => {
      await countJobRun(job.name, () => job.run(db, new Date(), boss));
    });
  }
  await workEmailQueue(boss, db);
  return boss;
}

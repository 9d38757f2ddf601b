import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import type { Database } from '@/db/client';
import { notificationAttachments, notifications, users } from '@/db/schema';
import { logger } from '@/lib/observability/logger';
import { countJobRun } from '@/lib/observability/metrics';
import { truncate } from '@/lib/utils';
import { seesClientWhenAssigned } from '@/server/clients/visibility';
import { formatDateTime, type ViewerFormat } from '@/lib/format';
import { absoluteUrl, mailSender, type SendMail } from '@/server/notifications/email';
import { readRecordVisibility } from '@/server/settings/queries';

/** The pg-boss queue with one job per e-mail. */
export const emailQueue = 'notifications.email.send';
/** Where pg-boss moves a job that failed for good, including one that timed out mid-send. */
export const emailDeadLetterQueue = 'notifications.email.failed';

/** How often a message is tried again, and how long pg-boss waits before the first retry (s). */
const emailRetry = { retryLimit: 5, retryDelay: 30, retryBackoff: true };

const dispatchBatch = 500;

type EmailJob = { notificationId: number; jobId: string };

/** The message, with when it happened in the recipient's own time zone and format. */
function emailText(
  notification: { body: string | null; href: string; createdAt: Date },
  recipient: ViewerFormat,
) {
  const link = absoluteUrl(notification.href);
  const when = formatDateTime(notification.createdAt, recipient);
  return notification.body
    ? `${notification.body}\n\n${when}\nOpen in Accord: ${link}\n`
    : `${when}\n${link}\n`;
}

/**
 * Gives every pending notification a delivery job of its own, so one message that fails is retried
 * alone and never holds up the others. The jobs are inserted first and the rows marked after: a
 * job whose row was not marked with its id finds nothing to do, so a crash between the two steps
 * sends nothing twice and the row is picked up again next time. Returns how many were queued.
 */
export async function queueNotificationEmails(database: Database, boss: PgBoss) {
  let queued = 0;
  for (;;) {
    const pending = await database
      .select({ id: notifications.id })
      .from(notifications)
      .where(eq(notifications.emailStatus, 'pending'))
      .orderBy(asc(notifications.id))
      .limit(dispatchBatch);
    if (pending.length === 0) return queued;
    const jobs = pending.map((row) => ({ id: randomUUID(), notificationId: row.id }));
    await boss.insert(
      jobs.map((job) => ({
        id: job.id,
        name: emailQueue,
        data: { notificationId: job.notificationId, jobId: job.id } satisfies EmailJob,
      })),
    );
    const marked = await database.execute<{ id: number }>(sql`
      update ${notifications} set email_status = 'queued', email_job_id = q.job_id
      from (values ${sql.join(
        jobs.map((job) => sql`(${job.notificationId}::bigint, ${job.id}::uuid)`),
        sql`, `,
      )}) as q(id, job_id)
      where ${notifications.id} = q.id and ${notifications.emailStatus} = 'pending'
      returning ${notifications.id}`);
    queued += marked.length;
    if (pending.length < dispatchBatch) return queued;
  }
}

export type EmailAttempt = { jobId: string; notificationId: number; final: boolean };

/**
 * One delivery job: sends the notification's e-mail unless the recipient is deactivated or no
 * longer sees the account it is about (record visibility: the subject names the proposal and the
 * client), and records the outcome. Nothing holds a transaction open while the mail server
 * answers. A failure is recorded and thrown, so pg-boss retries it with backoff; the last attempt
 * marks the notification failed, for a manager to see and queue again.
 */
export async function deliverNotificationEmail(
  database: Database,
  attempt: EmailAttempt,
  send: SendMail = mailSender(),
  now: () => Date = () => new Date(),
) {
  // The notification as long as this job is the one delivering it.
  const thisJob = and(
    eq(notifications.id, attempt.notificationId),
    eq(notifications.emailJobId, attempt.jobId),
  );
  const [claimed] = await database
    .update(notifications)
    .set({ emailAttempts: sql`${notifications.emailAttempts} + 1` })
    .where(and(thisJob, eq(notifications.emailStatus, 'queued')))
    .returning({ id: notifications.id });
  if (!claimed) return 'stale' as const;

  const visible =
    (await readRecordVisibility(database)) === 'assigned'
      ? or(
          isNull(notifications.clientId),
          seesClientWhenAssigned(users.id, users.role, notifications.clientId),
        )
      : sql`true`;
  const [row] = await database
    .select({
      title: notifications.title,
      body: notifications.body,
      href: notifications.href,
      createdAt: notifications.createdAt,
      email: users.email,
      timeZone: users.timeZone,
      locale: users.locale,
      active: users.active,
      visible: sql<boolean>`${visible}`,
    })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(eq(notifications.id, attempt.notificationId));
  const settle = (status: 'sent' | 'skipped' | 'failed', error: string | null) =>
    database
      .update(notifications)
      .set({ emailStatus: status, emailedAt: now(), emailError: error })
      .where(thisJob);
  if (!row?.active || !row.visible) {
    await settle('skipped', null);
    return 'skipped' as const;
  }

  const attachments = await database
    .select({
      filename: notificationAttachments.filename,
      contentType: notificationAttachments.contentType,
      content: notificationAttachments.content,
    })
    .from(notificationAttachments)
    .where(eq(notificationAttachments.notificationId, attempt.notificationId))
    .orderBy(asc(notificationAttachments.id));
  try {
    await send({
      to: row.email,
      subject: row.title,
      text: emailText(row, row),
      ...(attachments.length > 0 ? { attachments } : {}),
    });
  } catch (error) {
    const message = truncate(error instanceof Error ? error.message : String(error), 500);
    if (attempt.final) {
      await settle('failed', message);
    } else {
      await database.update(notifications).set({ emailError: message }).where(thisJob);
    }
    throw error;
  }
  await settle('sent', null);
  return 'sent' as const;
}

/**
 * Marks failed a notification whose delivery job pg-boss gave up on without the job saying so: it
 * timed out, or its process died, on the last attempt. One that was already settled, or queued
 * again since, is left alone.
 */
export async function markAbandonedEmailFailed(
  database: Database,
  job: EmailJob,
  now = new Date(),
) {
  await database
    .update(notifications)
    .set({
      emailStatus: 'failed',
      emailedAt: now,
      emailError: sql`coalesce(${notifications.emailError}, 'The delivery stopped without an answer from the mail server.')`,
    })
    .where(
      and(
        eq(notifications.id, job.notificationId),
        eq(notifications.emailJobId, job.jobId),
        eq(notifications.emailStatus, 'queued'),
      ),
    );
}

/** Creates the e-mail queue with its retry policy (pg-boss applies it to every job on it). */
export async function createEmailQueue(boss: PgBoss, retry = emailRetry) {
  await boss.createQueue(emailDeadLetterQueue, { name: emailDeadLetterQueue });
  const queue = {
    name: emailQueue,
    ...retry,
    expireInSeconds: 120,
    deadLetter: emailDeadLetterQueue,
  };
  await boss.createQueue(emailQueue, queue);
  // createQueue leaves an existing queue as it was: this brings its policy up to date.
  await boss.updateQueue(emailQueue, queue);
}

/** Works the e-mail queue in this process: one message per job. */
export async function workEmailQueue(
  boss: PgBoss,
  database: Database,
  {
    send = mailSender(),
    pollingIntervalSeconds = 2,
  }: { send?: SendMail; pollingIntervalSeconds?: number } = {},
) {
  await boss.work<EmailJob>(
    emailQueue,
    { includeMetadata: true, pollingIntervalSeconds },
    async ([job]) => {
      if (!job) return;
      try {
        await countJobRun(emailQueue, () =>
          deliverNotificationEmail(
            database,
            {
              jobId: job.id,
              notificationId: job.data.notificationId,
              final: job.retryCount >= job.retryLimit,
            },
            send,
          ),
        );
      } catch (error) {
        logger.warn(
          {
            err: error,
            notificationId: job.data.notificationId,
            attempt: job.retryCount + 1,
            attempts: job.retryLimit + 1,
          },
          'a notification e-mail was not sent',
        );
        throw error;
      }
    },
  );
  await boss.work<EmailJob>(emailDeadLetterQueue, { pollingIntervalSeconds }, async ([job]) => {
    if (job) await markAbandonedEmailFailed(database, job.data);
  });
}

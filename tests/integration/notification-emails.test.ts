import { randomUUID } from 'node:crypto';
import { sql as rawSql, inArray } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { notifications } from '@/db/schema';
import { executeAction } from '@/server/action';
import {
  createEmailQueue,
  emailDeadLetterQueue,
  emailQueue,
  markAbandonedEmailFailed,
  queueNotificationEmails,
  workEmailQueue,
} from '@/server/jobs/deliver-notification-emails';
import { retryNotificationEmailCommand } from '@/server/notifications/commands';
import { absoluteUrl, mailSender } from '@/server/notifications/email';
import { listFailedEmails } from '@/server/notifications/queries';
import { createActor, createUser } from '../support/factories';
import { createNotification } from '../support/notification-factories';
import { startSmtpServer } from '../support/smtp-server';
import { logger } from '@/lib/observability/logger';

// The real queue on this file's database, with retries a test can wait for: two retries one
// second apart (production waits 30 s and backs off).
let boss: PgBoss;
const from = 'Accord <accord@agency.test>';

beforeAll(async () => {
  boss = new PgBoss({ connectionString: process.env.DATABASE_URL, max: 3, schedule: false });
  boss.on('error', () => {});
  await boss.start();
  await createEmailQueue(boss, { retryLimit: 2, retryDelay: 1, retryBackoff: false });
});

afterAll(async () => {
  await boss.stop({ graceful: false, wait: true });
});

async function stopWorkers() {
  await boss.offWork(emailQueue);
  await boss.offWork(emailDeadLetterQueue);
}

afterEach(async () => {
  await stopWorkers();
  await db.delete(notifications);
});

/** Works the queue against `smtpUrl` and hands every pending notification a job. */
async function deliverThrough(smtpUrl: string) {
  const send = mailSender({ SMTP_URL: smtpUrl, MAIL_FROM: from });
  await workEmailQueue(boss, db, { send, pollingIntervalSeconds: 0.5 });
  return queueNotificationEmails(db, boss);
}

async function statusesOf(ids: number[]) {
  const rows = await db
    .select({
      id: notifications.id,
      status: notifications.emailStatus,
      attempts: notifications.emailAttempts,
      error: notifications.emailError,
    })
    .from(notifications)
    .where(inArray(notifications.id, ids));
  return Object.fromEntries(rows.map((row) => [row.id, row]));
}

/** Waits until none of `ids` is still on its way. */
async function settled(ids: number[], timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const statuses = await statusesOf(ids);
    if (Object.values(statuses).every((row) => !['pending', 'queued'].includes(row.status))) {
      return statuses;
    }
    if (Date.now() > deadline) throw new Error(`not settled: ${JSON.stringify(statuses)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('notification e-mail through a real SMTP server', () => {
  it("says when it happened in each recipient's own time zone and format", async () => {
    const auckland = await createUser({ timeZone: 'Pacific/Auckland', locale: 'en-GB' });
    const losAngeles = await createUser({ timeZone: 'America/Los_Angeles', locale: 'en-US' });
    // Half an hour before Auckland's clocks went back on 5 April 2026.
    const createdAt = new Date('2026-04-04T13:30:00Z');
    const ids: number[] = [];
    for (const user of [auckland, losAngeles]) {
      ids.push(
        (await createNotification(db, user.id, { title: 'Proposal approved', createdAt })).id,
      );
    }
    const smtp = await startSmtpServer();
    try {
      await deliverThrough(smtp.url);
      await settled(ids);
      const textFor = (email: string) =>
        smtp.messages.find(
          (message) => message.to && 'text' in message.to && message.to.text === email,
        )?.text;
      expect(textFor(auckland.email)).toContain('5 Apr 2026, 02:30');
      expect(textFor(losAngeles.email)).toContain('Apr 4, 2026, 6:30 AM');
    } finally {
      await smtp.close();
    }
  });

  it('delivers one message per notification, readable as sent, outside any transaction', async () => {
    const openTransactions: number[] = [];
    const smtp = await startSmtpServer({
      // What the database looks like while the mail server is answering: no session of ours
      // sits in an open transaction waiting for it.
      onMessage: async () => {
        const [row] = await db.execute<{ n: number }>(rawSql`
          select count(*)::int as n from pg_stat_activity
          where datname = current_database() and state = 'idle in transaction'`);
        openTransactions.push(row?.n ?? -1);
      },
    });
    try {
      const reviewer = await createUser({ role: 'executive' });
      const author = await createUser({ role: 'coordinator' });
      const gone = await createUser({ role: 'executive', active: false });
      const review = await createNotification(db, reviewer.id, {
        title: 'Review requested: Spring retainer',
        body: 'Acme Ltd · $25,000',
        href: '/proposals/abc',
      });
      const approved = await createNotification(db, author.id, { title: 'Proposal approved' });
      const deactivated = await createNotification(db, gone.id);
      const already = await createNotification(db, author.id, { emailStatus: 'sent' });

      expect(await deliverThrough(smtp.url)).toBe(3);
      const statuses = await settled([review.id, approved.id, deactivated.id]);

      expect(statuses[review.id]).toMatchObject({ status: 'sent', attempts: 1 });
      expect(statuses[approved.id]).toMatchObject({ status: 'sent' });
      expect(statuses[deactivated.id]).toMatchObject({ status: 'skipped' });
      expect((await statusesOf([already.id]))[already.id]).toMatchObject({ attempts: 0 });
      expect(smtp.messages).toHaveLength(2);
      const reviewMail = smtp.messages.find((message) => message.subject?.startsWith('Review'));
      expect(reviewMail?.from?.value).toEqual([
        expect.objectContaining({ name: 'Accord', address: 'accord@agency.test' }),
      ]);
      expect(reviewMail?.to && 'text' in reviewMail.to ? reviewMail.to.text : '').toBe(
        reviewer.email,
      );
      expect(reviewMail?.subject).toBe('Review requested: Spring retainer');
      expect(reviewMail?.text).toContain('Acme Ltd · $25,000');
      expect(reviewMail?.text).toMatch(/Open in Accord: https?:\/\/[^/]+\/proposals\/abc/);
      expect(openTransactions).toEqual([0, 0]);

      expect(await queueNotificationEmails(db, boss)).toBe(0);
    } finally {
      await smtp.close();
    }
  });

  it('fails only the message whose recipient the server refuses', async () => {
    const unlucky = await createUser({ role: 'coordinator' });
    const lucky = await createUser({ role: 'coordinator' });
    const smtp = await startSmtpServer({ refuse: [unlucky.email] });
    const errors = vi.spyOn(logger, 'warn').mockImplementation(() => {});
    try {
      // The refused one comes first, and the others do not wait for its retries.
      const refused = await createNotification(db, unlucky.id, { title: 'For the bad mailbox' });
      const fine = await createNotification(db, lucky.id, { title: 'For the good mailbox' });

      await deliverThrough(smtp.url);
      const statuses = await settled([refused.id, fine.id]);

      expect(statuses[fine.id]).toMatchObject({ status: 'sent', attempts: 1 });
      expect(statuses[refused.id]).toMatchObject({
        status: 'failed',
        attempts: 3,
        error: expect.stringContaining('550'),
      });
      expect(smtp.messages.map((message) => message.subject)).toEqual(['For the good mailbox']);
    } finally {
      errors.mockRestore();
      await smtp.close();
    }
  });

  it('retries while the server is down, marks the message failed, and a manager queues it again', async () => {
    const probe = await startSmtpServer();
    const { port } = probe;
    await probe.close();
    const recipient = await createUser({ role: 'executive' });
    const notification = await createNotification(db, recipient.id, { title: 'Contract signed' });
    const errors = vi.spyOn(logger, 'warn').mockImplementation(() => {});
    try {
      await deliverThrough(`smtp://127.0.0.1:${port}`);
      const statuses = await settled([notification.id]);
      expect(statuses[notification.id]).toMatchObject({
        status: 'failed',
        attempts: 3,
        error: expect.stringMatching(/ECONNREFUSED/),
      });
      expect(errors).toHaveBeenCalledTimes(3);
    } finally {
      errors.mockRestore();
    }

    const manager = await createActor('manager');
    expect(await listFailedEmails(manager)).toEqual([
      expect.objectContaining({
        id: notification.id,
        subject: 'Contract signed',
        recipientEmail: recipient.email,
        attempts: 3,
      }),
    ]);
    for (const role of ['coordinator', 'executive'] as const) {
      const refused = await executeAction(retryNotificationEmailCommand, await createActor(role), {
        id: notification.id,
      });
      expect(refused).toMatchObject({ ok: false });
    }
    expect(
      await executeAction(retryNotificationEmailCommand, manager, { id: 'nope' }),
    ).toMatchObject({ ok: false, fieldErrors: { id: expect.any(Array) } });
    expect(
      await executeAction(retryNotificationEmailCommand, manager, { id: notification.id }),
    ).toEqual({ ok: true, data: { id: notification.id } });
    expect(await listFailedEmails(manager)).toEqual([]);
    expect(
      await executeAction(retryNotificationEmailCommand, manager, { id: notification.id }),
    ).toMatchObject({ ok: false });

    // The server is back: the queued-again message is delivered.
    await stopWorkers();
    const smtp = await startSmtpServer({ port });
    try {
      expect(await deliverThrough(smtp.url)).toBe(1);
      expect((await settled([notification.id]))[notification.id]).toMatchObject({
        status: 'sent',
        attempts: 1,
      });
      expect(smtp.messages.map((message) => message.subject)).toEqual(['Contract signed']);
    } finally {
      await smtp.close();
    }
  });
});

describe('a delivery job pg-boss gave up on', () => {
  it('marks its notification failed, unless it was settled or queued again meanwhile', async () => {
    const recipient = await createUser({ role: 'executive' });
    const jobId = randomUUID();
    const abandoned = await createNotification(db, recipient.id, {
      emailStatus: 'queued',
      emailJobId: jobId,
    });
    const requeued = await createNotification(db, recipient.id, {
      emailStatus: 'queued',
      emailJobId: randomUUID(),
    });
    const sent = await createNotification(db, recipient.id, {
      emailStatus: 'sent',
      emailJobId: jobId,
    });

    await markAbandonedEmailFailed(db, { notificationId: abandoned.id, jobId });
    await markAbandonedEmailFailed(db, { notificationId: requeued.id, jobId });
    await markAbandonedEmailFailed(db, { notificationId: sent.id, jobId });

    const statuses = await statusesOf([abandoned.id, requeued.id, sent.id]);
    expect(statuses[abandoned.id]).toMatchObject({
      status: 'failed',
      error: 'The delivery stopped without an answer from the mail server.',
    });
    expect(statuses[requeued.id]).toMatchObject({ status: 'queued' });
    expect(statuses[sent.id]).toMatchObject({ status: 'sent' });
  });
});

describe('the mail sender', () => {
  it('logs one line with the subject when SMTP_URL is not set (the logger redacts the recipient)', async () => {
    const log = vi.spyOn(logger, 'info').mockImplementation(() => {});
    await mailSender({})({ to: 'ada@example.test', subject: 'Proposal approved', text: 'Body' });
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]?.[0]).toMatchObject({ subject: 'Proposal approved' });
    log.mockRestore();
  });

  it('links to APP_URL, else AUTH_URL, else localhost', () => {
    expect(absoluteUrl('/proposals/1', { APP_URL: 'https://accord.example.com' })).toBe(
      'https://accord.example.com/proposals/1',
    );
    expect(absoluteUrl('/proposals/1', { AUTH_URL: 'https://auth.example.com/api/auth' })).toBe(
      'https://auth.example.com/proposals/1',
    );
    expect(absoluteUrl('/proposals/1', {})).toBe('http://localhost:3000/proposals/1');
  });
});

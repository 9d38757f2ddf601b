import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { notifications } from '@/db/schema';
import { deliverNotificationEmails } from '@/server/jobs/deliver-notification-emails';
import { absoluteUrl, mailSender, type MailMessage } from '@/server/notifications/email';
import { createUser } from '../support/factories';
import { createNotification } from '../support/notification-factories';

const now = new Date('2026-06-10T12:00:00Z');

function fakeMailbox(failFor?: string) {
  const sent: MailMessage[] = [];
  const send = async (message: MailMessage) => {
    if (message.to === failFor) throw new Error('mailbox unavailable');
    sent.push(message);
  };
  return { sent, send };
}

async function emailedAt(ids: number[]) {
  const rows = await db
    .select({ id: notifications.id, emailedAt: notifications.emailedAt })
    .from(notifications)
    .where(inArray(notifications.id, ids));
  return Object.fromEntries(rows.map((row) => [row.id, row.emailedAt]));
}

describe('notification e-mail delivery', () => {
  it("says when it happened in each recipient's own time zone and format", async () => {
    const auckland = await createUser({ timeZone: 'Pacific/Auckland', locale: 'en-GB' });
    const losAngeles = await createUser({ timeZone: 'America/Los_Angeles', locale: 'en-US' });
    // Half an hour before Auckland's clocks went back on 5 April 2026.
    const createdAt = new Date('2026-04-04T13:30:00Z');
    for (const user of [auckland, losAngeles]) {
      await createNotification(db, user.id, { title: 'Proposal approved', createdAt });
    }

    const mailbox = fakeMailbox();
    await deliverNotificationEmails(db, now, mailbox.send);
    const textFor = (email: string) => mailbox.sent.find((message) => message.to === email)?.text;
    expect(textFor(auckland.email)).toContain('5 Apr 2026, 02:30');
    expect(textFor(losAngeles.email)).toContain('Apr 4, 2026, 6:30 AM');
  });

  it('e-mails each notification once, with its title and a link, and stamps it', async () => {
    const reviewer = await createUser({ role: 'executive' });
    const author = await createUser({ role: 'coordinator' });
    const gone = await createUser({ role: 'executive', active: false });
    const first = await createNotification(db, reviewer.id, {
      title: 'Review requested: Spring retainer',
      body: 'Acme · $25,000',
      href: '/proposals/abc',
    });
    const second = await createNotification(db, author.id, { title: 'Proposal approved' });
    const already = await createNotification(db, author.id, { emailedAt: new Date('2026-01-01') });
    const deactivated = await createNotification(db, gone.id);

    const mailbox = fakeMailbox();
    const result = await deliverNotificationEmails(db, now, mailbox.send);

    expect(result).toEqual({ sent: 2, failed: 0 });
    expect(mailbox.sent).toEqual(
      expect.arrayContaining([
        {
          to: reviewer.email,
          subject: 'Review requested: Spring retainer',
          text: expect.stringContaining('Acme · $25,000'),
        },
        expect.objectContaining({ to: author.email, subject: 'Proposal approved' }),
      ]),
    );
    const reviewerMail = mailbox.sent.find((message) => message.to === reviewer.email);
    expect(reviewerMail?.text).toMatch(/https?:\/\/[^/]+\/proposals\/abc/);
    expect(mailbox.sent.some((message) => message.to === gone.email)).toBe(false);

    const stamps = await emailedAt([first.id, second.id, already.id, deactivated.id]);
    expect(stamps[first.id]).toEqual(now);
    expect(stamps[second.id]).toEqual(now);
    expect(stamps[deactivated.id]).toEqual(now);
    expect(stamps[already.id]).toEqual(new Date('2026-01-01'));

    const again = fakeMailbox();
    expect(await deliverNotificationEmails(db, now, again.send)).toEqual({ sent: 0, failed: 0 });
    expect(again.sent).toEqual([]);
  });

  it('leaves a notification whose e-mail failed for the next run', async () => {
    const unlucky = await createUser({ role: 'coordinator' });
    const lucky = await createUser({ role: 'coordinator' });
    const failing = await createNotification(db, unlucky.id);
    const fine = await createNotification(db, lucky.id);

    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const mailbox = fakeMailbox(unlucky.email);
    expect(await deliverNotificationEmails(db, now, mailbox.send)).toEqual({ sent: 1, failed: 1 });
    expect(errors).toHaveBeenCalledOnce();
    errors.mockRestore();
    const stamps = await emailedAt([failing.id, fine.id]);
    expect(stamps[failing.id]).toBeNull();
    expect(stamps[fine.id]).toEqual(now);

    const retry = fakeMailbox();
    expect(await deliverNotificationEmails(db, now, retry.send)).toEqual({ sent: 1, failed: 0 });
    expect(retry.sent).toEqual([expect.objectContaining({ to: unlucky.email })]);
    const [row] = await db.select().from(notifications).where(eq(notifications.id, failing.id));
    expect(row?.emailedAt).toEqual(now);
  });
});

describe('the mail sender', () => {
  it('logs one line with the recipient and subject when SMTP_URL is not set', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    await mailSender({})({ to: 'ada@example.test', subject: 'Proposal approved', text: 'Body' });
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]?.[0]).toMatch(/ada@example\.test.*"Proposal approved"/);
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

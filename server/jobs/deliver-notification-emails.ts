import 'server-only';
import { asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { notifications, users } from '@/db/schema';
import { formatDateTime, type ViewerFormat } from '@/lib/format';
import { absoluteUrl, mailSender, type SendMail } from '@/server/notifications/email';

const batchSize = 50;

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
 * E-mails every notification not e-mailed yet, one message each, and stamps `emailed_at`. Rows are
 * claimed with SKIP LOCKED, so several app instances share the work without sending twice. A
 * message that fails stays unstamped for the next run; a deactivated user's notifications are
 * stamped without an e-mail.
 */
export async function deliverNotificationEmails(
  database: Database,
  now: Date,
  send: SendMail = mailSender(),
) {
  let sent = 0;
  let failed = 0;
  for (;;) {
    const batch = await database.transaction(async (tx) => {
      const rows = await tx
        .select({
          id: notifications.id,
          title: notifications.title,
          body: notifications.body,
          href: notifications.href,
          createdAt: notifications.createdAt,
          email: users.email,
          timeZone: users.timeZone,
          locale: users.locale,
          active: users.active,
        })
        .from(notifications)
        .innerJoin(users, eq(users.id, notifications.userId))
        .where(isNull(notifications.emailedAt))
        .orderBy(asc(notifications.id))
        .limit(batchSize)
        .for('update', { of: notifications, skipLocked: true });
      const settled: number[] = [];
      let failures = 0;
      for (const row of rows) {
        if (row.active) {
          try {
            await send({ to: row.email, subject: row.title, text: emailText(row, row) });
            sent += 1;
          } catch (error) {
            failures += 1;
            console.error(`[mail] notification ${row.id} was not sent:`, error);
            continue;
          }
        }
        settled.push(row.id);
      }
      if (settled.length > 0) {
        await tx
          .update(notifications)
          .set({ emailedAt: now })
          .where(inArray(notifications.id, settled));
      }
      return { size: rows.length, failures };
    });
    failed += batch.failures;
    // A failure ends the run, so a mail server that is down is not retried in a tight loop.
    if (batch.size < batchSize || batch.failures > 0) break;
  }
  return { sent, failed };
}

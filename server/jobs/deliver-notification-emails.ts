import 'server-only';
import { asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { notifications, users } from '@/db/schema';
import { seesClientWhenAssigned } from '@/server/clients/visibility';
import { absoluteUrl, mailSender, type SendMail } from '@/server/notifications/email';
import { readRecordVisibility } from '@/server/settings/queries';

const batchSize = 50;

function emailText(notification: { body: string | null; href: string }) {
  const link = absoluteUrl(notification.href);
  return notification.body ? `${notification.body}\n\nOpen in Accord: ${link}\n` : `${link}\n`;
}

/**
 * E-mails every notification not e-mailed yet, one message each, and stamps `emailed_at`. Rows are
 * claimed with SKIP LOCKED, so several app instances share the work without sending twice. A
 * message that fails stays unstamped for the next run. A deactivated user's notifications, and
 * those about an account the recipient no longer sees (record visibility), are stamped without an
 * e-mail: the subject would carry the proposal's and the client's names.
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
      const visible =
        (await readRecordVisibility(tx)) === 'assigned'
          ? or(
              isNull(notifications.clientId),
              seesClientWhenAssigned(users.id, users.role, notifications.clientId),
            )
          : sql`true`;
      const rows = await tx
        .select({
          id: notifications.id,
          title: notifications.title,
          body: notifications.body,
          href: notifications.href,
          email: users.email,
          active: users.active,
          visible: sql<boolean>`${visible}`,
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
        if (row.active && row.visible) {
          try {
            await send({ to: row.email, subject: row.title, text: emailText(row) });
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

import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { notifications } from '@/db/schema';
import { markAllNotificationsSchema, notificationIdSchema } from '@/lib/validation/notifications';
import { defineAction } from '@/server/action';
import { conflict } from '@/server/errors';
import { lockVisibleRecord } from '@/server/lock-record';
import { countUnread, ownVisibleNotifications } from './queries';

// Read state is the reader's own bookkeeping, not a change to a record anyone else sees, so these
// commands write no audit entry (one per click would bury the log's real changes).

/** Marks one of the signed-in user's notifications read; someone else's, or a hidden one, is "not found". */
export const markNotificationReadCommand = defineAction({
  schema: notificationIdSchema,
  permission: 'notifications.own',
  async run(input, { tx, user }) {
    const visibility = await ownVisibleNotifications(user);
    const notification = await lockVisibleRecord(tx, notifications, 'notification', {
      id: input.id,
      visibility,
    });
    if (!notification.readAt) {
      await tx
        .update(notifications)
        .set({ readAt: new Date() })
        .where(eq(notifications.id, notification.id));
    }
    return { unread: await countUnread(tx, user) };
  },
});

export const markAllNotificationsReadCommand = defineAction({
  schema: markAllNotificationsSchema,
  permission: 'notifications.own',
  async run(_input, { tx, user }) {
    await tx
      .update(notifications)
      .set({ readAt: new Date() })
      .where(and(await ownVisibleNotifications(user), isNull(notifications.readAt)));
    return { unread: 0 };
  },
});

/** Queues a failed e-mail again (Admin → Settings): the dispatcher gives it a new delivery job. */
export const retryNotificationEmailCommand = defineAction({
  schema: notificationIdSchema,
  permission: 'settings.manage',
  async run(input, { tx, audit }) {
    const [retried] = await tx
      .update(notifications)
      .set({ emailStatus: 'pending', emailJobId: null, emailAttempts: 0, emailedAt: null })
      .where(and(eq(notifications.id, input.id), eq(notifications.emailStatus, 'failed')))
      .returning({ id: notifications.id, emailError: notifications.emailError });
    if (!retried) throw conflict('This e-mail has not failed, or is already queued again.');
    await audit({
      action: 'notification.email_retried',
      entityType: 'notification',
      entityId: String(retried.id),
      before: { emailStatus: 'failed', emailError: retried.emailError },
      after: { emailStatus: 'pending' },
    });
    return { id: retried.id };
  },
});

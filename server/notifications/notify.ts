import 'server-only';
import type { Transaction } from '@/db/client';
import { notificationAttachments, notifications, type NotificationKind } from '@/db/schema';

/** A file the notification's e-mail carries, e.g. a meeting invitation's `.ics`. */
export type NotificationAttachment = { filename: string; contentType: string; content: string };

export type NotificationInput = {
  kind: NotificationKind;
  title: string;
  body?: string | null;
  /** The in-app page the notification opens. */
  href: string;
  /** The account it is about, so record visibility hides it from whoever does not see that account. */
  clientId: string | null;
};

/**
 * Notifies each of `recipients` once, in the caller's transaction, so a notification exists only
 * if the write it reports committed. Null ids and the actor themself are skipped. E-mail delivery
 * reads these rows afterwards.
 */
export async function notify(
  tx: Transaction,
  recipients: readonly (string | null | undefined)[],
  notification: NotificationInput,
  actorId?: string | null,
  attachments: readonly NotificationAttachment[] = [],
) {
  const userIds = [...new Set(recipients)].filter(
    (id): id is string => Boolean(id) && id !== actorId,
  );
  if (userIds.length === 0) return;
  const inserted = await tx
    .insert(notifications)
    .values(userIds.map((userId) => ({ userId, ...notification })))
    .returning({ id: notifications.id });
  if (attachments.length === 0) return;
  await tx
    .insert(notificationAttachments)
    .values(
      inserted.flatMap(({ id }) => attachments.map((file) => ({ notificationId: id, ...file }))),
    );
}

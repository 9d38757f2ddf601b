'use server';

import { performAction } from '@/server/action';
import { requireUser } from '@/server/auth/session';
import {
  markAllNotificationsReadCommand,
  markNotificationReadCommand,
  retryNotificationEmailCommand,
} from './commands';
import { countUnreadNotifications, listNotifications } from './queries';

const notificationPages = ['/notifications'];

/** How many notifications the bell's list shows; the rest are on /notifications. */
const recentLimit = 8;

/** The bell's list, loaded only when it is opened, with a fresh unread count. */
export async function loadRecentNotifications() {
  const user = await requireUser();
  const [{ items }, unread] = await Promise.all([
    listNotifications(user, { limit: recentLimit }),
    countUnreadNotifications(user),
  ]);
  return { items, unread };
}

export async function markNotificationRead(id: number) {
  return performAction(markNotificationReadCommand, { id }, notificationPages);
}

export async function markAllNotificationsRead() {
  return performAction(markAllNotificationsReadCommand, {}, notificationPages);
}

/** A manager queues a failed e-mail again, from Admin → Settings. */
export async function retryNotificationEmail(id: number) {
  return performAction(retryNotificationEmailCommand, { id }, ['/admin/settings']);
}

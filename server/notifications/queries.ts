import 'server-only';
import { and, desc, eq, isNull, or, sql } from 'drizzle-orm';
import { forbidden } from 'next/navigation';
import { db, type Executor } from '@/db/client';
import { notifications, users } from '@/db/schema';
import { can } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';
import { visibleThroughClient } from '@/server/clients/visibility';

/** The bell counts unread notifications up to this many and shows "99+" past it. */
export const unreadCountCap = 99;

export type NotificationItem = {
  id: number;
  title: string;
  body: string | null;
  href: string;
  /** ISO time, so the list can be sent to the browser as is. */
  createdAt: string;
  read: boolean;
};

function assertCanRead(viewer: CurrentUser) {
  if (!can(viewer, 'notifications.own')) forbidden();
}

/**
 * The viewer's own notifications that they may see: one about an account outside their record
 * visibility is hidden like the account itself (its title names the proposal and the client).
 */
export async function ownVisibleNotifications(viewer: CurrentUser) {
  const throughClient = await visibleThroughClient(viewer, notifications.clientId);
  return and(
    eq(notifications.userId, viewer.id),
    throughClient && or(isNull(notifications.clientId), throughClient),
  );
}

/** The viewer's visible unread notifications, counted on the partial unread index and capped. */
export async function countUnread(executor: Executor, viewer: CurrentUser) {
  const unread = executor
    .select({ one: sql`1` })
    .from(notifications)
    .where(and(await ownVisibleNotifications(viewer), isNull(notifications.readAt)))
    .limit(unreadCountCap + 1)
    .as('unread');
  const [row] = await executor.select({ n: sql<number>`count(*)::int` }).from(unread);
  return row?.n ?? 0;
}

/** The bell's number for the signed-in user: one indexed query on every page. */
export async function countUnreadNotifications(viewer: CurrentUser) {
  assertCanRead(viewer);
  return countUnread(db, viewer);
}

/**
 * The signed-in user's notifications, newest first, `limit` at a time. `before` is the id of the
 * last one already shown: the next page starts after it without counting what came before.
 */
export async function listNotifications(
  viewer: CurrentUser,
  { before, limit }: { before?: number; limit: number },
) {
  assertCanRead(viewer);
  const cursor = before
    ? sql`(${notifications.createdAt}, ${notifications.id}) < (select n.created_at, n.id from notifications n where n.id = ${before} and n.user_id = ${viewer.id})`
    : undefined;
  const rows = await db
    .select({
      id: notifications.id,
      title: notifications.title,
      body: notifications.body,
      href: notifications.href,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(and(await ownVisibleNotifications(viewer), cursor))
    // The user index's null order, so it is read in order rather than sorted.
    .orderBy(sql`${notifications.createdAt} desc nulls last`, desc(notifications.id))
    .limit(limit + 1);
  const items: NotificationItem[] = rows.slice(0, limit).map((row) => ({
    id: row.id,
    title: row.title,
    body: row.body,
    href: row.href,
    createdAt: row.createdAt.toISOString(),
    read: row.readAt !== null,
  }));
  const last = items.at(-1);
  return { items, nextBefore: rows.length > limit && last ? last.id : null };
}

/** How many failed e-mails Admin → Settings lists, newest first. */
const failedEmailsLimit = 50;

/** E-mails whose retries are used up, for managers to see and queue again. */
export async function listFailedEmails(viewer: CurrentUser) {
  if (!can(viewer, 'settings.manage')) forbidden();
  const rows = await db
    .select({
      id: notifications.id,
      subject: notifications.title,
      recipientName: users.name,
      recipientEmail: users.email,
      attempts: notifications.emailAttempts,
      error: notifications.emailError,
      failedAt: notifications.emailedAt,
    })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(eq(notifications.emailStatus, 'failed'))
    .orderBy(desc(notifications.emailedAt))
    .limit(failedEmailsLimit);
  return rows.map((row) => ({ ...row, failedAt: row.failedAt?.toISOString() ?? null }));
}

export type FailedEmail = Awaited<ReturnType<typeof listFailedEmails>>[number];

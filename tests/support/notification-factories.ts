import { randomUUID } from 'node:crypto';
import type { Executor } from '@/db/client';
import { notifications } from '@/db/schema';

/** Inserts a notification for `userId`, unread and not e-mailed unless overrides say otherwise. */
export async function createNotification(
  database: Executor,
  userId: string,
  overrides: Partial<typeof notifications.$inferInsert> = {},
) {
  const [notification] = await database
    .insert(notifications)
    .values({
      userId,
      kind: 'review_requested',
      title: `Review requested ${randomUUID().slice(0, 8)}`,
      body: 'A proposal is waiting for your review.',
      href: '/proposals',
      ...overrides,
    })
    .returning();
  if (!notification) throw new Error('notification not created');
  return notification;
}

import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { users } from '@/db/schema';

/** Who may review proposals, or be the backup an overdue review escalates to. */
const reviewerRoles = ['executive', 'manager'] as const;
const isActiveReviewerRow = and(eq(users.active, true), inArray(users.role, [...reviewerRoles]));

/** Every active executive and manager, by name. */
export function listActiveReviewers(executor: Executor) {
  return executor
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(isActiveReviewerRow)
    .orderBy(asc(users.name));
}

/** Whether `userId` is an active executive or manager. */
export async function isActiveReviewer(executor: Executor, userId: string) {
  const [reviewer] = await executor
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), isActiveReviewerRow));
  return Boolean(reviewer);
}

import 'server-only';
import { isNull, or } from 'drizzle-orm';
import { tasks } from '@/db/schema';
import type { CurrentUser } from '@/server/auth/session';
import { visibleThroughClient } from '@/server/clients/visibility';

/** A task on an account is visible when the account is; a task on no account is everyone's to see. */
export async function visibleTasks(user: CurrentUser) {
  const throughClient = await visibleThroughClient(user, tasks.clientId);
  return throughClient ? or(isNull(tasks.clientId), throughClient) : undefined;
}

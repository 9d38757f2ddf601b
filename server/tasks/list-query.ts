import 'server-only';
import { and, eq, ilike, lt, type SQL } from 'drizzle-orm';
import { tasks } from '@/db/schema';
import type { TaskListParams } from '@/lib/validation/tasks';
import { escapeLike } from '@/server/sql';

/** Open tasks whose due time has passed at `now`. */
export function overdueTasks(now: Date) {
  return and(eq(tasks.status, 'open'), lt(tasks.dueAt, now));
}

/** The WHERE of the tasks list: the viewer's visibility, then the URL's filters. */
export function taskListWhere(
  visibility: SQL | undefined,
  params: Omit<TaskListParams, 'page' | 'size' | 'sort' | 'dir'>,
  now: Date,
) {
  const filters: (SQL | undefined)[] = [visibility];
  if (params.status) filters.push(eq(tasks.status, params.status));
  if (params.assignee) filters.push(eq(tasks.assigneeId, params.assignee));
  if (params.overdue) filters.push(overdueTasks(now));
  if (params.q) filters.push(ilike(tasks.title, `%${escapeLike(params.q)}%`));
  return and(...filters);
}

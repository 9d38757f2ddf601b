import 'server-only';
import { and, asc, desc, eq, lt, sql } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import { forbidden } from 'next/navigation';
import { db } from '@/db/client';
import { clients, tasks, users } from '@/db/schema';
import { instantAt } from '@/lib/business-hours';
import { calendarDateIn } from '@/lib/format';
import type { TaskListParams, TaskSort } from '@/lib/validation/tasks';
import { can } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';
import { cappedCount } from '@/server/sql';
import { taskListWhere } from './list-query';
import { visibleTasks } from './visibility';

const assignees = alias(users, 'assignees');

function assertCanRead(viewer: CurrentUser) {
  if (!can(viewer, 'clients.read')) forbidden();
}

const sortColumns: Record<TaskSort, PgColumn> = {
  due: tasks.dueAt,
  title: tasks.title,
  assignee: assignees.name,
  status: tasks.status,
  createdAt: tasks.createdAt,
};

const taskRowColumns = {
  id: tasks.id,
  title: tasks.title,
  dueAt: tasks.dueAt,
  status: tasks.status,
  assigneeId: tasks.assigneeId,
  assigneeName: assignees.name,
  createdById: tasks.createdById,
  linkKind: tasks.linkKind,
  linkId: tasks.linkId,
  clientName: clients.name,
  version: tasks.version,
  updatedAt: tasks.updatedAt,
};

/** A task row as the lists show it: the task with its assignee and client. */
function selectTaskRows() {
  return db
    .select(taskRowColumns)
    .from(tasks)
    .leftJoin(assignees, eq(assignees.id, tasks.assigneeId))
    .leftJoin(clients, eq(clients.id, tasks.clientId));
}

/** A page of the tasks list with a capped total; `overdue` is judged at `now`. */
export async function listTasks(viewer: CurrentUser, params: TaskListParams, now: Date) {
  assertCanRead(viewer);
  const where = taskListWhere(await visibleTasks(viewer), params, now);
  const column = sortColumns[params.sort];
  const order =
    params.dir === 'desc'
      ? [sql`${column} desc nulls last`, desc(tasks.id)]
      : [sql`${column} asc nulls last`, asc(tasks.id)];
  const [rows, counted] = await Promise.all([
    selectTaskRows()
      .where(where)
      .orderBy(...order)
      .limit(params.size)
      .offset((params.page - 1) * params.size),
    cappedCount(tasks, where),
  ]);
  return {
    rows: rows.map((row) => ({ ...row, mayManage: can(viewer, 'tasks.manage', row) })),
    ...counted,
  };
}

export type TaskListRow = Awaited<ReturnType<typeof listTasks>>['rows'][number];

/** The first instant of the day after `now` on the viewer's calendar. */
function endOfToday(timeZone: string, now: Date) {
  const today = Date.parse(`${calendarDateIn(timeZone, now)}T00:00:00Z`);
  return new Date(instantAt(today + 86_400_000, timeZone));
}

/** "My work": the viewer's open tasks due by the end of their today (overdue ones first). */
export async function listMyTasksDue(viewer: CurrentUser, now: Date) {
  assertCanRead(viewer);
  return selectTaskRows()
    .where(
      and(
        eq(tasks.assigneeId, viewer.id),
        eq(tasks.status, 'open'),
        lt(tasks.dueAt, endOfToday(viewer.timeZone, now)),
        await visibleTasks(viewer),
      ),
    )
    .orderBy(asc(tasks.dueAt), asc(tasks.id))
    .limit(10);
}

/** The tasks linked to a meeting that the viewer may see, by due date. */
export async function listMeetingTasks(viewer: CurrentUser, meetingId: string) {
  assertCanRead(viewer);
  return selectTaskRows()
    .where(
      and(eq(tasks.linkKind, 'meeting'), eq(tasks.linkId, meetingId), await visibleTasks(viewer)),
    )
    .orderBy(sql`${tasks.dueAt} asc nulls last`, asc(tasks.id))
    .limit(50);
}

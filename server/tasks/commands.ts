import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { tasks, type Task } from '@/db/schema';
import { instantAt } from '@/lib/business-hours';
import { bulkCap, type BulkOutcome, type BulkSelection } from '@/lib/bulk';
import type { TaskLinkKind } from '@/lib/tasks';
import { truncate } from '@/lib/utils';
import {
  bulkCompleteTasksSchema,
  bulkReassignTasksSchema,
  createTaskSchema,
  taskListSchema,
  taskStepSchema,
} from '@/lib/validation/tasks';
import { defineAction, type ActionContext } from '@/server/action';
import { can } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';
import { runBulk } from '@/server/bulk/run-bulk';
import { assertActiveUser } from '@/server/clients/records';
import { conflict, forbidden, notFound, staleRecord } from '@/server/errors';
import { notify } from '@/server/notifications/notify';
import { resolveTaskLink } from './links';
import { taskListWhere } from './list-query';
import { visibleTasks } from './visibility';

const noun = 'task';
const defaultDueTime = '17:00';

/** A due date and time typed in `timeZone`, as an instant. */
export function dueInstant(date: string, time: string, timeZone: string) {
  return new Date(instantAt(Date.parse(`${date}T${time}:00Z`), timeZone));
}

function tellAssignee(
  tx: Transaction,
  task: Pick<Task, 'id' | 'title' | 'assigneeId' | 'clientId'>,
  actorId: string,
) {
  return notify(
    tx,
    [task.assigneeId],
    {
      kind: 'task_assigned',
      title: truncate(`Task for you: ${task.title}`, 200),
      href: '/tasks',
      clientId: task.clientId,
    },
    actorId,
  );
}

type NewTask = {
  title: string;
  dueAt: Date | null;
  assigneeId: string | null;
  link: { kind: TaskLinkKind; id: string; clientId: string } | null;
  // The form field an inactive assignee is reported on.
  assigneeField?: string;
};

/** Inserts a task the creator made (for themselves unless assigned), audits it and tells the assignee. */
export async function insertTask({ tx, user, audit }: ActionContext, input: NewTask) {
  await assertActiveUser(tx, input.assigneeId, input.assigneeField ?? 'assigneeId');
  const [task] = await tx
    .insert(tasks)
    .values({
      title: input.title,
      dueAt: input.dueAt,
      assigneeId: input.assigneeId ?? user.id,
      createdById: user.id,
      linkKind: input.link?.kind ?? null,
      linkId: input.link?.id ?? null,
      clientId: input.link?.clientId ?? null,
    })
    .returning();
  if (!task) throw new Error('task not inserted');
  await audit({
    action: 'task.created',
    entityType: 'task',
    entityId: task.id,
    before: null,
    after: {
      title: task.title,
      assigneeId: task.assigneeId,
      dueAt: task.dueAt?.toISOString() ?? null,
    },
  });
  await tellAssignee(tx, task, user.id);
  return task;
}

/** A due date typed in the creator's zone (and time, 17:00 without one) as an instant. */
export function taskDueAt(
  user: CurrentUser,
  date: string | null | undefined,
  time?: string | null,
) {
  return date ? dueInstant(date, time ?? defaultDueTime, user.timeZone) : null;
}

/** A task by hand: due in the creator's time zone, for the chosen assignee or the creator. */
export const createTaskCommand = defineAction({
  schema: createTaskSchema,
  permission: 'tasks.write',
  async run(input, context) {
    const { tx, user } = context;
    const link =
      input.linkKind && input.linkId
        ? {
            kind: input.linkKind,
            id: input.linkId,
            clientId: await resolveTaskLink(tx, user, input.linkKind, input.linkId),
          }
        : null;
    const task = await insertTask(context, {
      title: input.title,
      dueAt: taskDueAt(user, input.dueDate, input.dueTime),
      assigneeId: input.assigneeId ?? null,
      link,
    });
    return { id: task.id };
  },
});

/** Locks a task the user may see at the version they read, and checks they may change it. */
async function lockManageableTask(tx: Transaction, user: CurrentUser, id: string, version: number) {
  const [task] = await tx
    .select()
    .from(tasks)
    .where(and(eq(tasks.id, id), await visibleTasks(user)))
    .for('update')
    .limit(1);
  if (!task) throw notFound(noun);
  if (task.version !== version) throw staleRecord(noun);
  if (!can(user, 'tasks.manage', task)) {
    throw forbidden('Only its assignee, whoever created it or a manager may change this task.');
  }
  return task;
}

async function setStatus(
  { tx, audit }: ActionContext,
  task: Task,
  status: Task['status'],
): Promise<BulkOutcome> {
  if (task.status === status) return 'unchanged';
  await tx
    .update(tasks)
    .set({ status, completedAt: status === 'done' ? new Date() : null, version: task.version + 1 })
    .where(eq(tasks.id, task.id));
  await audit({
    action: status === 'done' ? 'task.completed' : 'task.reopened',
    entityType: 'task',
    entityId: task.id,
    before: { status: task.status },
    after: { status },
  });
  return 'changed';
}

async function reassign(
  { tx, user, audit }: ActionContext,
  task: Task,
  assigneeId: string,
): Promise<BulkOutcome> {
  if (task.assigneeId === assigneeId) return 'unchanged';
  await tx
    .update(tasks)
    .set({ assigneeId, version: task.version + 1 })
    .where(eq(tasks.id, task.id));
  await audit({
    action: 'task.reassigned',
    entityType: 'task',
    entityId: task.id,
    before: { assigneeId: task.assigneeId },
    after: { assigneeId },
  });
  await tellAssignee(tx, { ...task, assigneeId }, user.id);
  return 'changed';
}

export const completeTaskCommand = defineAction({
  schema: taskStepSchema,
  permission: 'tasks.manage',
  async run(input, context) {
    const task = await lockManageableTask(context.tx, context.user, input.id, input.version);
    if ((await setStatus(context, task, 'done')) === 'unchanged')
      throw conflict('This task is already done.');
    return { id: task.id };
  },
});

export const reopenTaskCommand = defineAction({
  schema: taskStepSchema,
  permission: 'tasks.manage',
  async run(input, context) {
    const task = await lockManageableTask(context.tx, context.user, input.id, input.version);
    if ((await setStatus(context, task, 'open')) === 'unchanged')
      throw conflict('This task is already open.');
    return { id: task.id };
  },
});

/** Locks the selected tasks the user may see, in id order, and runs `change` on each they may manage. */
async function eachTask(
  context: ActionContext,
  selection: BulkSelection,
  change: (task: Task) => Promise<BulkOutcome>,
) {
  const visibility = await visibleTasks(context.user);
  const where =
    selection.mode === 'rows'
      ? and(
          inArray(
            tasks.id,
            selection.rows.map((row) => row.id),
          ),
          visibility,
        )
      : taskListWhere(
          visibility,
          taskListSchema.parse(selection.filter),
          new Date(selection.listedAt),
        );
  const found = await context.tx
    .select()
    .from(tasks)
    .where(where)
    .orderBy(asc(tasks.id))
    .limit(bulkCap + 1)
    .for('update');
  return runBulk(selection, found, 'tasks', async (task) =>
    can(context.user, 'tasks.manage', task) ? change(task) : 'forbidden',
  );
}

export const bulkCompleteTasksCommand = defineAction({
  schema: bulkCompleteTasksSchema,
  permission: 'tasks.manage',
  async run(input, context) {
    return eachTask(context, input.selection, (task) => setStatus(context, task, 'done'));
  },
});

export const bulkReassignTasksCommand = defineAction({
  schema: bulkReassignTasksSchema,
  permission: 'tasks.manage',
  async run(input, context) {
    await assertActiveUser(context.tx, input.assigneeId, 'assigneeId');
    return eachTask(context, input.selection, (task) => reassign(context, task, input.assigneeId));
  },
});

import { sql } from 'drizzle-orm';
import { index, integer, pgEnum, pgTable, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { taskLinkKinds, taskStatuses } from '../../lib/tasks';
import { clients } from './clients';
import { users } from './users';
import { timestamps } from './timestamps';

export const taskStatusEnum = pgEnum('task_status', taskStatuses);
export const taskLinkKindEnum = pgEnum('task_link_kind', taskLinkKinds);

/**
 * A to-do with a due time and an assignee. The record it is about is kind + id without a foreign
 * key (it may be a client, a deal, a proposal, a meeting or feedback); `client_id` is that record's
 * account, kept so record visibility applies to tasks as to everything else that hangs off a client.
 */
export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: varchar('title', { length: 200 }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }),
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    status: taskStatusEnum('status').notNull().default('open'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    linkKind: taskLinkKindEnum('link_kind'),
    linkId: uuid('link_id'),
    clientId: uuid('client_id').references(() => clients.id, { onDelete: 'cascade' }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (table) => [
    index('tasks_assignee_open_idx')
      .on(table.assigneeId, table.dueAt, table.id)
      .where(sql`${table.status} = 'open'`),
    index('tasks_due_idx').on(table.dueAt, table.id),
    index('tasks_link_idx').on(table.linkKind, table.linkId),
    index('tasks_client_idx').on(table.clientId),
  ],
);

export type Task = typeof tasks.$inferSelect;
export type NewTask = typeof tasks.$inferInsert;

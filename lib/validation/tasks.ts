import { z } from 'zod';
import { bulkSelectionSchema } from '@/lib/bulk';
import { taskLinkKinds, taskStatuses } from '@/lib/tasks';
import { optionalDate, optionalUserId } from './fields';
import { listParamsSchema } from './list-params';

const id = z.uuid('This task does not exist.');
const version = z.coerce.number().int().min(1);

export const taskSortColumns = ['due', 'title', 'assignee', 'status', 'createdAt'] as const;
export type TaskSort = (typeof taskSortColumns)[number];

export const taskListSchema = listParamsSchema(taskSortColumns, { sort: 'due', dir: 'asc' }).extend(
  {
    q: z.string().trim().max(100).optional().catch(undefined),
    status: z.enum(taskStatuses).optional().catch(undefined),
    assignee: z.uuid().optional().catch(undefined),
    overdue: z.literal('1').optional().catch(undefined),
  },
);
export type TaskListParams = z.output<typeof taskListSchema>;

const clockTime = z
  .string()
  .trim()
  .transform((value) => value || null)
  .pipe(
    z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time such as 17:00.')
      .nullable(),
  )
  .optional();

const taskTitle = z
  .string({ error: 'Enter a title.' })
  .trim()
  .min(1, 'Enter a title.')
  .max(200, 'Use at most 200 characters.');

/** A task to follow up a meeting: due at 17:00 in the creator's zone, linked to the meeting. */
export const followUpTaskSchema = z.object({
  title: taskTitle,
  // Blank: the creator.
  assigneeId: optionalUserId,
  dueDate: optionalDate,
});

/**
 * A new task. The due date and time are read in the creator's time zone; a date without a time is
 * due at 17:00. The linked record is optional, but kind and id come together.
 */
export const createTaskSchema = z
  .object({
    title: taskTitle,
    dueDate: optionalDate,
    dueTime: clockTime,
    // Blank: the creator.
    assigneeId: optionalUserId,
    linkKind: z
      .union([z.literal(''), z.enum(taskLinkKinds)])
      .transform((value) => value || null)
      .optional(),
    linkId: z
      .string()
      .trim()
      .transform((value) => value || null)
      .pipe(z.uuid('This record does not exist.').nullable())
      .optional(),
  })
  .refine((input) => !input.dueTime || input.dueDate, {
    path: ['dueDate'],
    message: 'Choose the day it is due.',
  })
  .refine((input) => Boolean(input.linkKind) === Boolean(input.linkId), {
    path: ['linkId'],
    message: 'Choose the record this task is about.',
  });
export type CreateTaskInput = z.output<typeof createTaskSchema>;

/** Complete or reopen a task the form read at `version`. */
export const taskStepSchema = z.object({ id, version });

export const bulkCompleteTasksSchema = z.object({ selection: bulkSelectionSchema });

export const bulkReassignTasksSchema = z.object({
  selection: bulkSelectionSchema,
  assigneeId: z.uuid('Choose who does them.'),
});

'use server';

import { performAction, toFormAction } from '@/server/action';
import {
  bulkCompleteTasksCommand,
  bulkReassignTasksCommand,
  completeTaskCommand,
  createTaskCommand,
  reopenTaskCommand,
} from './commands';

const taskPages = ['/', '/tasks'];

export const createTask = toFormAction(createTaskCommand, taskPages);
export const completeTask = toFormAction(completeTaskCommand, taskPages);
export const reopenTask = toFormAction(reopenTaskCommand, taskPages);

/** Bulk actions take JSON: a selection is a list of rows or the table's filter. */
export async function bulkCompleteTasks(input: unknown) {
  return performAction(bulkCompleteTasksCommand, input, taskPages);
}

export async function bulkReassignTasks(input: unknown) {
  return performAction(bulkReassignTasksCommand, input, taskPages);
}

'use server';

import { toFormAction } from '@/server/action';
import { fileReportCommand } from './commands';
import {
  createReportScheduleCommand,
  deleteReportScheduleCommand,
  toggleReportScheduleCommand,
} from './schedules';

const schedulePages = ['/reports', '/reports/[report]'];

export const fileReportAction = toFormAction(fileReportCommand, [
  '/reports/[report]',
  '/documents',
]);

export const createReportSchedule = toFormAction(createReportScheduleCommand, schedulePages);
export const toggleReportSchedule = toFormAction(toggleReportScheduleCommand, schedulePages);
export const deleteReportSchedule = toFormAction(deleteReportScheduleCommand, schedulePages);

'use server';

import { toFormAction } from '@/server/action';
import { fileReportCommand } from './commands';

export const fileReportAction = toFormAction(fileReportCommand, [
  '/reports/[report]',
  '/documents',
]);

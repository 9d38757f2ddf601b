'use server';

import { toFormAction } from '@/server/action';
import { setRecordVisibilityCommand } from './commands';

export const setRecordVisibility = toFormAction(setRecordVisibilityCommand, [
  '/',
  '/admin/settings',
]);

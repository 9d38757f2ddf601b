'use server';

import { toFormAction } from '@/server/action';
import { setRecordVisibilityCommand, setReviewSettingsCommand } from './commands';

export const setRecordVisibility = toFormAction(setRecordVisibilityCommand, [
  '/',
  '/admin/settings',
]);

export const setReviewSettings = toFormAction(setReviewSettingsCommand, ['/admin/settings']);

'use server';

import { toFormAction } from '@/server/action';
import {
  setRecordVisibilityCommand,
  setReviewSettingsCommand,
  setShareLinkSettingsCommand,
} from './commands';

export const setRecordVisibility = toFormAction(setRecordVisibilityCommand, [
  '/',
  '/admin/settings',
]);

export const setReviewSettings = toFormAction(setReviewSettingsCommand, ['/admin/settings']);

export const setShareLinkSettings = toFormAction(setShareLinkSettingsCommand, ['/admin/settings']);

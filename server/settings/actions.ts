'use server';

import { toFormAction } from '@/server/action';
import {
  setCompanySignInSettingsCommand,
  setContractSettingsCommand,
  setDocumentSettingsCommand,
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

export const setDocumentSettings = toFormAction(setDocumentSettingsCommand, ['/admin/settings']);

export const setContractSettings = toFormAction(setContractSettingsCommand, ['/admin/settings']);

export const setCompanySignInSettings = toFormAction(setCompanySignInSettingsCommand, [
  '/admin/settings',
]);

import 'server-only';
import { eq } from 'drizzle-orm';
import { forbidden } from 'next/navigation';
import { cache } from 'react';
import { db, type Executor } from '@/db/client';
import { settings } from '@/db/schema';
import { recordVisibilities, type RecordVisibility } from '@/lib/validation/clients';
import { listActiveReviewers } from '@/server/users/reviewers';
import {
  defaultCompanySignInSettings,
  defaultContractSettings,
  defaultDocumentSettings,
  defaultReviewSettings,
  defaultShareLinkSettings,
  type CompanySignInSettings,
  type ContractSettings,
  type DocumentSettings,
  type ReviewSettings,
  type ShareLinkSettings,
} from '@/lib/validation/settings';
import { can } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';

export const reviewSettingsKey = 'proposals.review';
export const shareLinkSettingsKey = 'proposals.shareLinks';
export const documentSettingsKey = 'documents.uploads';
export const contractSettingsKey = 'contracts.reminders';
export const companySignInSettingsKey = 'auth.companySignIn';

/** A settings object read with `executor`, over its defaults. */
async function readSettingObject<T extends object>(executor: Executor, key: string, defaults: T) {
  const [row] = await executor
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, key))
    .limit(1);
  return { ...defaults, ...(row?.value as Partial<T> | undefined) };
}

/** The upload size cap (Admin → Settings), with its default. */
export function readDocumentSettings(executor: Executor): Promise<DocumentSettings> {
  return readSettingObject(executor, documentSettingsKey, defaultDocumentSettings);
}

/** The contract reminder days (Admin → Settings), with their default; jobs read them in their transaction. */
export function readContractSettings(executor: Executor): Promise<ContractSettings> {
  return readSettingObject(executor, contractSettingsKey, defaultContractSettings);
}

/** Company sign-in's settings (Admin → Settings); sign-in reads them in its transaction. */
export function readCompanySignInSettings(executor: Executor): Promise<CompanySignInSettings> {
  return readSettingObject(executor, companySignInSettingsKey, defaultCompanySignInSettings);
}

export const getCompanySignInSettings = cache(() => readCompanySignInSettings(db));
export const getDocumentSettings = cache(() => readDocumentSettings(db));
export const getContractSettings = cache(() => readContractSettings(db));

/** The record-visibility setting read with `executor`: commands and jobs read it in their transaction. */
export async function readRecordVisibility(executor: Executor): Promise<RecordVisibility> {
  const [row] = await executor
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, 'records.visibility'))
    .limit(1);
  return recordVisibilities.find((value) => value === row?.value) ?? 'open';
}

/** The manager's record-visibility setting (DESIGN.md §1), read once per request; `open` by default. */
export const getRecordVisibility = cache(() => readRecordVisibility(db));

/** The review settings read with `executor`: background jobs read them inside their transaction. */
export async function readReviewSettings(executor: Executor): Promise<ReviewSettings> {
  const [row] = await executor
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, reviewSettingsKey))
    .limit(1);
  return { ...defaultReviewSettings, ...(row?.value as Partial<ReviewSettings> | undefined) };
}

/** Review threshold, due time and backup reviewer for proposals (Admin → Settings), with defaults. */
export const getReviewSettings = cache(() => readReviewSettings(db));

/** How long an answered proposal's client link shows the answer (Admin → Settings), with defaults. */
export const getShareLinkSettings = cache(async (): Promise<ShareLinkSettings> => {
  const [row] = await db
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, shareLinkSettingsKey))
    .limit(1);
  return { ...defaultShareLinkSettings, ...(row?.value as Partial<ShareLinkSettings> | undefined) };
});

/** Who may be the backup reviewer: active executives and managers, for the settings form. */
export async function listBackupReviewerOptions(viewer: CurrentUser) {
  if (!can(viewer, 'settings.manage')) forbidden();
  return listActiveReviewers(db);
}

/** The agency's name on what clients see (share links, PDFs): the `company.name` setting. */
export const getCompanyName = cache(async (): Promise<string> => {
  const [row] = await db
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, 'company.name'))
    .limit(1);
  return typeof row?.value === 'string' && row.value.trim() ? row.value : 'Accord';
});

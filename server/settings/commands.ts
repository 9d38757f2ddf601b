import 'server-only';
import { eq } from 'drizzle-orm';
import { settings } from '@/db/schema';
import { recordVisibilitySchema } from '@/lib/validation/clients';
import {
  companySignInSettingsSchema,
  contractSettingsSchema,
  defaultCompanySignInSettings,
  defaultContractSettings,
  defaultDocumentSettings,
  documentSettingsSchema,
  defaultReviewSettings,
  defaultShareLinkSettings,
  reviewSettingsSchema,
  shareLinkSettingsSchema,
  type ReviewSettings,
  type ShareLinkSettings,
} from '@/lib/validation/settings';
import { defineAction, type ActionContext } from '@/server/action';
import { ActionError } from '@/server/errors';
import { rerouteHiddenReviews } from '@/server/proposals/reroute-reviews';
import { isActiveReviewer } from '@/server/users/reviewers';
import { companySignInConfig } from '@/server/auth/company-sign-in-config';
import {
  companySignInSettingsKey,
  contractSettingsKey,
  documentSettingsKey,
  reviewSettingsKey,
  shareLinkSettingsKey,
} from './queries';

/** Locks a setting's row, writes the new value and audits it against the stored one (or the default). */
export async function writeSetting<T>(
  { tx, audit, user }: ActionContext,
  key: string,
  value: T,
  fallback: T,
  audited: (value: T) => Record<string, unknown>,
) {
  const [current] = await tx
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, key))
    .for('update');
  await tx
    .insert(settings)
    .values({ key, value, updatedBy: user.id })
    .onConflictDoUpdate({
      target: settings.key,
      set: { value, updatedBy: user.id, updatedAt: new Date() },
    });
  await audit({
    action: 'settings.updated',
    entityType: 'setting',
    entityId: key,
    before: audited((current?.value as T | undefined) ?? fallback),
    after: audited(value),
  });
}

export const setRecordVisibilityCommand = defineAction({
  schema: recordVisibilitySchema,
  permission: 'settings.manage',
  async run(input, context) {
    await writeSetting(context, 'records.visibility', input.visibility, 'open', (visibility) => ({
      visibility,
    }));
    const reroutedReviews = await rerouteHiddenReviews(context, {});
    return { visibility: input.visibility, reroutedReviews };
  },
});

export const setReviewSettingsCommand = defineAction({
  schema: reviewSettingsSchema,
  permission: 'settings.manage',
  async run(input, context) {
    if (input.backupReviewerId && !(await isActiveReviewer(context.tx, input.backupReviewerId))) {
      throw new ActionError('Check the highlighted fields.', {
        backupReviewerId: ['Choose an active executive or manager.'],
      });
    }
    const value: ReviewSettings = {
      reviewThresholdCents: input.reviewThreshold,
      reviewDueHours: input.reviewDueHours,
      backupReviewerId: input.backupReviewerId,
    };
    await writeSetting(
      context,
      reviewSettingsKey,
      value,
      defaultReviewSettings,
      (stored) => stored,
    );
    return value;
  },
});

export const setShareLinkSettingsCommand = defineAction({
  schema: shareLinkSettingsSchema,
  permission: 'settings.manage',
  async run(input, context) {
    const value: ShareLinkSettings = { answeredLinkDays: input.answeredLinkDays };
    await writeSetting(
      context,
      shareLinkSettingsKey,
      value,
      defaultShareLinkSettings,
      (stored) => stored,
    );
    return value;
  },
});

export const setDocumentSettingsCommand = defineAction({
  schema: documentSettingsSchema,
  permission: 'settings.manage',
  async run(input, context) {
    const value = { maxUploadMb: input.maxUploadMb };
    await writeSetting(context, documentSettingsKey, value, defaultDocumentSettings, (v) => v);
    return value;
  },
});

export const setContractSettingsCommand = defineAction({
  schema: contractSettingsSchema,
  permission: 'settings.manage',
  async run(input, context) {
    const value = { reminderDays: input.reminderDays };
    await writeSetting(context, contractSettingsKey, value, defaultContractSettings, (v) => v);
    return value;
  },
});

export const setCompanySignInSettingsCommand = defineAction({
  schema: companySignInSettingsSchema,
  permission: 'companySignIn.manage',
  async run(input, context) {
    // Requiring a provider that is not configured would leave only the managers able to sign in.
    if (input.required && !companySignInConfig()) {
      throw new ActionError('Check the highlighted fields.', {
        required: ['Configure company sign-in (OIDC_ISSUER and its client) first.'],
      });
    }
    await writeSetting(
      context,
      companySignInSettingsKey,
      input,
      defaultCompanySignInSettings,
      (stored) => stored,
    );
    return input;
  },
});

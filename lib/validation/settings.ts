import { z } from 'zod';
import { defaultReminderDays } from '@/lib/contracts';
import { defaultMaxUploadMb } from '@/lib/documents';
import { roles, type Role } from '@/lib/roles';
import { checkboxField, moneyCents } from './fields';

export type ReviewSettings = {
  /** Proposals above this amount (minor units) always need review. */
  reviewThresholdCents: number;
  /** Hours a reviewer has before the review is escalated. */
  reviewDueHours: number;
  /** Who an overdue review is escalated to, besides the managers; null for managers only. */
  backupReviewerId: string | null;
};

/** The longest review SLA a manager may set; the review rollup counts longer reviews as late. */
export const maxReviewDueHours = 720;

export const defaultReviewSettings: ReviewSettings = {
  reviewThresholdCents: 1_000_000,
  reviewDueHours: 24,
  backupReviewerId: null,
};

export const reviewSettingsSchema = z.object({
  reviewThreshold: moneyCents,
  reviewDueHours: z.coerce
    .number({ error: 'Enter a number of hours.' })
    .int('Enter whole hours.')
    .min(1, 'Give reviewers at least one hour.')
    .max(maxReviewDueHours, `Use at most ${maxReviewDueHours} hours (30 days).`),
  backupReviewerId: z
    .string()
    .trim()
    .transform((value) => value || null)
    .pipe(z.uuid('Choose a user.').nullable()),
});

export type ShareLinkSettings = {
  /** Days an accepted or declined proposal's client link still shows the answer; then it is closed. */
  answeredLinkDays: number;
};

export const defaultShareLinkSettings: ShareLinkSettings = { answeredLinkDays: 30 };

export const shareLinkSettingsSchema = z.object({
  answeredLinkDays: z.coerce
    .number({ error: 'Enter a number of days.' })
    .int('Enter whole days.')
    .min(0, 'Use 0 or more days.')
    .max(365, 'Use at most 365 days.'),
});

export type DocumentSettings = {
  /** The largest file an upload may be, in megabytes. */
  maxUploadMb: number;
};

export const defaultDocumentSettings: DocumentSettings = { maxUploadMb: defaultMaxUploadMb };

export const documentSettingsSchema = z.object({
  maxUploadMb: z.coerce
    .number({ error: 'Enter a number of megabytes.' })
    .int('Enter whole megabytes.')
    .min(1, 'Allow at least 1 MB.')
    .max(2048, 'Use at most 2048 MB.'),
});

export type ContractSettings = {
  /** Days before a contract's notice deadline and its end when the owner and coordinator are reminded. */
  reminderDays: number[];
};

export const defaultContractSettings: ContractSettings = { reminderDays: [...defaultReminderDays] };

export const contractSettingsSchema = z.object({
  reminderDays: z
    .string({ error: 'Enter the days, separated by commas.' })
    .transform((text, context) => {
      const parts = text
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean);
      const days = parts.map(Number);
      if (days.some((day) => !Number.isInteger(day) || day < 1 || day > 365)) {
        context.addIssue({
          code: 'custom',
          message: 'Use whole days from 1 to 365, e.g. 30, 14, 7.',
        });
        return z.NEVER;
      }
      if (days.length > 6) {
        context.addIssue({ code: 'custom', message: 'Name at most 6 reminder days.' });
        return z.NEVER;
      }
      return [...new Set(days)].sort((a, b) => b - a);
    }),
});

export type CompanySignInSettings = {
  /** Create an Accord user for a verified e-mail the team does not know yet, with `defaultRole`. */
  createUsers: boolean;
  defaultRole: Role;
  /** Refuse password sign-in for everyone but managers. */
  required: boolean;
};

export const defaultCompanySignInSettings: CompanySignInSettings = {
  createUsers: false,
  defaultRole: 'coordinator',
  required: false,
};

export const companySignInSettingsSchema = z.object({
  createUsers: checkboxField,
  defaultRole: z.enum(roles, { error: 'Choose a role.' }),
  required: checkboxField,
});

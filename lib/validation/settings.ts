import { z } from 'zod';
import { moneyCents } from './fields';

export type ReviewSettings = {
  /** Proposals above this amount (minor units) always need review. */
  reviewThresholdCents: number;
  /** Hours a reviewer has before the review is escalated. */
  reviewDueHours: number;
  /** Who an overdue review is escalated to, besides the managers; null for managers only. */
  backupReviewerId: string | null;
};

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
    .max(720, 'Use at most 720 hours (30 days).'),
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

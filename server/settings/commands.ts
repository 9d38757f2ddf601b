import 'server-only';
import { eq } from 'drizzle-orm';
import { settings } from '@/db/schema';
import { recordVisibilitySchema } from '@/lib/validation/clients';
import {
  defaultReviewSettings,
  defaultShareLinkSettings,
  reviewSettingsSchema,
  shareLinkSettingsSchema,
  type ReviewSettings,
  type ShareLinkSettings,
} from '@/lib/validation/settings';
import { defineAction } from '@/server/action';
import { ActionError } from '@/server/errors';
import { rerouteHiddenReviews } from '@/server/proposals/reroute-reviews';
import { isActiveReviewer } from '@/server/users/reviewers';
import { reviewSettingsKey, shareLinkSettingsKey } from './queries';

export const setRecordVisibilityCommand = defineAction({
  schema: recordVisibilitySchema,
  permission: 'settings.manage',
  async run(input, context) {
    const { tx, audit, user } = context;
    const [current] = await tx
      .select({ value: settings.value })
      .from(settings)
      .where(eq(settings.key, 'records.visibility'))
      .for('update');
    await tx
      .insert(settings)
      .values({ key: 'records.visibility', value: input.visibility, updatedBy: user.id })
      .onConflictDoUpdate({
        target: settings.key,
        set: { value: input.visibility, updatedBy: user.id, updatedAt: new Date() },
      });
    await audit({
      action: 'settings.updated',
      entityType: 'setting',
      entityId: 'records.visibility',
      before: { visibility: current?.value ?? 'open' },
      after: { visibility: input.visibility },
    });
    const reroutedReviews = await rerouteHiddenReviews(context, {});
    return { visibility: input.visibility, reroutedReviews };
  },
});

export const setReviewSettingsCommand = defineAction({
  schema: reviewSettingsSchema,
  permission: 'settings.manage',
  async run(input, { tx, audit, user }) {
    if (input.backupReviewerId && !(await isActiveReviewer(tx, input.backupReviewerId))) {
      throw new ActionError('Check the highlighted fields.', {
        backupReviewerId: ['Choose an active executive or manager.'],
      });
    }
    const value: ReviewSettings = {
      reviewThresholdCents: input.reviewThreshold,
      reviewDueHours: input.reviewDueHours,
      backupReviewerId: input.backupReviewerId,
    };
    const [current] = await tx
      .select({ value: settings.value })
      .from(settings)
      .where(eq(settings.key, reviewSettingsKey))
      .for('update');
    await tx
      .insert(settings)
      .values({ key: reviewSettingsKey, value, updatedBy: user.id })
      .onConflictDoUpdate({
        target: settings.key,
        set: { value, updatedBy: user.id, updatedAt: new Date() },
      });
    await audit({
      action: 'settings.updated',
      entityType: 'setting',
      entityId: reviewSettingsKey,
      before: (current?.value as ReviewSettings | undefined) ?? defaultReviewSettings,
      after: value,
    });
    return value;
  },
});

export const setShareLinkSettingsCommand = defineAction({
  schema: shareLinkSettingsSchema,
  permission: 'settings.manage',
  async run(input, { tx, audit, user }) {
    const value: ShareLinkSettings = { answeredLinkDays: input.answeredLinkDays };
    const [current] = await tx
      .select({ value: settings.value })
      .from(settings)
      .where(eq(settings.key, shareLinkSettingsKey))
      .for('update');
    await tx
      .insert(settings)
      .values({ key: shareLinkSettingsKey, value, updatedBy: user.id })
      .onConflictDoUpdate({
        target: settings.key,
        set: { value, updatedBy: user.id, updatedAt: new Date() },
      });
    await audit({
      action: 'settings.updated',
      entityType: 'setting',
      entityId: shareLinkSettingsKey,
      before: (current?.value as ShareLinkSettings | undefined) ?? defaultShareLinkSettings,
      after: value,
    });
    return value;
  },
});

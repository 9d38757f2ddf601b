import 'server-only';
import { eq } from 'drizzle-orm';
import { cache } from 'react';
import { db } from '@/db/client';
import { settings } from '@/db/schema';
import { recordVisibilities, type RecordVisibility } from '@/lib/validation/clients';
import { defaultReviewSettings, type ReviewSettings } from '@/lib/validation/settings';

export const reviewSettingsKey = 'proposals.review';

/** The manager's record-visibility setting (DESIGN.md §1), read once per request; `open` by default. */
export const getRecordVisibility = cache(async (): Promise<RecordVisibility> => {
  const [row] = await db
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, 'records.visibility'))
    .limit(1);
  return recordVisibilities.find((value) => value === row?.value) ?? 'open';
});

/** Review threshold, due time and backup reviewer for proposals (Admin → Settings), with defaults. */
export const getReviewSettings = cache(async (): Promise<ReviewSettings> => {
  const [row] = await db
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, reviewSettingsKey))
    .limit(1);
  return { ...defaultReviewSettings, ...(row?.value as Partial<ReviewSettings> | undefined) };
});

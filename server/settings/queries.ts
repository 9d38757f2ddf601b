import 'server-only';
import { eq } from 'drizzle-orm';
import { cache } from 'react';
import { db } from '@/db/client';
import { settings } from '@/db/schema';
import { recordVisibilities, type RecordVisibility } from '@/lib/validation/clients';

/** The manager's record-visibility setting (DESIGN.md §1), read once per request; `open` by default. */
export const getRecordVisibility = cache(async (): Promise<RecordVisibility> => {
  const [row] = await db
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, 'records.visibility'))
    .limit(1);
  return recordVisibilities.find((value) => value === row?.value) ?? 'open';
});

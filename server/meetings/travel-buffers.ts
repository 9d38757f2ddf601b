import 'server-only';
import { eq } from 'drizzle-orm';
import { cache } from 'react';
import { db, type Executor } from '@/db/client';
import { settings } from '@/db/schema';
import {
  defaultTravelBufferSettings,
  travelBufferSettingsSchema,
  type TravelBufferSettings,
} from '@/lib/validation/meetings';
import { defineAction } from '@/server/action';
import { writeSetting } from '@/server/settings/commands';

export const travelBufferSettingsKey = 'meetings.travelBuffers';

/** The travel buffers read with `executor`: a save reads them inside its transaction. */
export async function readTravelBuffers(executor: Executor): Promise<TravelBufferSettings> {
  const [row] = await executor
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, travelBufferSettingsKey))
    .limit(1);
  return {
    ...defaultTravelBufferSettings,
    ...(row?.value as Partial<TravelBufferSettings> | undefined),
  };
}

/** Minutes kept free around in-person meetings (Admin → Settings), once per request. */
export const getTravelBuffers = cache(() => readTravelBuffers(db));

export const setTravelBuffersCommand = defineAction({
  schema: travelBufferSettingsSchema,
  permission: 'settings.manage',
  async run(input, context) {
    const value: TravelBufferSettings = { inPersonMinutes: input.inPersonMinutes };
    await writeSetting(
      context,
      travelBufferSettingsKey,
      value,
      defaultTravelBufferSettings,
      (stored) => stored,
    );
    return value;
  },
});

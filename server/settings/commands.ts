import 'server-only';
import { eq } from 'drizzle-orm';
import { settings } from '@/db/schema';
import { recordVisibilitySchema } from '@/lib/validation/clients';
import { defineAction } from '@/server/action';

export const setRecordVisibilityCommand = defineAction({
  schema: recordVisibilitySchema,
  permission: 'settings.manage',
  async run(input, { tx, audit, user }) {
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
    return { visibility: input.visibility };
  },
});

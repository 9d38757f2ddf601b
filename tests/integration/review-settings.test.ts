import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { settings } from '@/db/schema';
import { defaultReviewSettings } from '@/lib/validation/settings';
import { executeAction } from '@/server/action';
import { setReviewSettingsCommand } from '@/server/settings/commands';
import { readReviewSettings, reviewSettingsKey } from '@/server/settings/queries';
import { auditEntriesFor, createActor, createUser } from '../support/factories';

async function storedRow() {
  const [row] = await db.select().from(settings).where(eq(settings.key, reviewSettingsKey));
  return row;
}

const form = (overrides: Record<string, string> = {}) => ({
  reviewThreshold: '25,000.50',
  reviewDueHours: '48',
  backupReviewerId: '',
  ...overrides,
});

describe('review settings', () => {
  it('lets a manager set the threshold, due hours and backup reviewer, with an audit entry', async () => {
    const manager = await createActor('manager');
    const backup = await createUser({ role: 'executive' });

    const result = await executeAction(
      setReviewSettingsCommand,
      manager,
      form({ backupReviewerId: backup.id }),
    );

    const saved = {
      reviewThresholdCents: 2_500_050,
      reviewDueHours: 48,
      backupReviewerId: backup.id,
    };
    expect(result).toEqual({ ok: true, data: saved });
    expect(await readReviewSettings(db)).toEqual(saved);
    expect(await auditEntriesFor(reviewSettingsKey)).toEqual([
      expect.objectContaining({
        action: 'settings.updated',
        actorId: manager.id,
        before: defaultReviewSettings,
        after: saved,
      }),
    ]);
  });

  it('refuses coordinators and executives and changes nothing', async () => {
    const before = await storedRow();
    for (const role of ['coordinator', 'executive'] as const) {
      const actor = await createActor(role);
      expect(
        await executeAction(setReviewSettingsCommand, actor, form({ reviewDueHours: '2' })),
      ).toMatchObject({ ok: false, code: 'forbidden' });
    }
    expect(await storedRow()).toEqual(before);
  });

  it('refuses a backup reviewer who is a coordinator, inactive or unknown, and bad numbers', async () => {
    const manager = await createActor('manager');
    const before = await storedRow();
    const coordinator = await createUser({ role: 'coordinator' });
    const inactive = await createUser({ role: 'manager', active: false });
    for (const backupReviewerId of [coordinator.id, inactive.id, crypto.randomUUID()]) {
      const refused = await executeAction(
        setReviewSettingsCommand,
        manager,
        form({ backupReviewerId }),
      );
      expect(refused).toMatchObject({
        ok: false,
        fieldErrors: { backupReviewerId: ['Choose an active executive or manager.'] },
      });
    }
    const invalid = await executeAction(
      setReviewSettingsCommand,
      manager,
      form({ reviewThreshold: 'lots', reviewDueHours: '0', backupReviewerId: 'someone' }),
    );
    expect(invalid).toMatchObject({
      ok: false,
      fieldErrors: {
        reviewThreshold: expect.any(Array),
        reviewDueHours: expect.any(Array),
        backupReviewerId: expect.any(Array),
      },
    });
    expect(await storedRow()).toEqual(before);
  });
});

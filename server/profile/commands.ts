import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { signInAttempts, users } from '@/db/schema';
import {
  changePasswordSchema,
  chooseTimeZoneSchema,
  profileSchema,
} from '@/lib/validation/profile';
import { defineAction } from '@/server/action';
import { hashPassword, verifyPassword } from '@/server/auth/password';
import { lockPasswordTries, recentPasswordFailures, signInLimits } from '@/server/auth/sign-in';
import { ActionError, forbidden } from '@/server/errors';
import { lockVisibleRecord } from '@/server/lock-record';
import type { Transaction } from '@/db/client';

function lockSelf(tx: Transaction, userId: string) {
  return lockVisibleRecord(tx, users, 'user', { id: userId });
}

/** Name, time zone, date and number format, working hours and days: the user's own. */
export const updateProfileCommand = defineAction({
  schema: profileSchema,
  permission: 'profile.own',
  async run(input, { tx, audit, user: actor }) {
    const user = await lockSelf(tx, actor.id);
    const before = {
      name: user.name,
      timeZone: user.timeZone,
      locale: user.locale,
      workingHoursStart: user.workingHoursStart.slice(0, 5),
      workingHoursEnd: user.workingHoursEnd.slice(0, 5),
      workingDays: user.workingDays,
    };
    await tx
      .update(users)
      .set({
        ...input,
        // Saving the profile is choosing its zone, even the one Accord already had.
        timeZoneChosenAt:
          input.timeZone === user.timeZone && user.timeZoneChosenAt
            ? user.timeZoneChosenAt
            : new Date(),
      })
      .where(eq(users.id, user.id));
    await audit({
      action: 'user.profile_updated',
      entityType: 'user',
      entityId: user.id,
      before,
      after: input,
    });
    return { id: user.id };
  },
});

/** The answer to "Your browser says … — use it?": either zone counts as the user's choice. */
export const chooseTimeZoneCommand = defineAction({
  schema: chooseTimeZoneSchema,
  permission: 'profile.own',
  async run(input, { tx, audit, user: actor }) {
    const user = await lockSelf(tx, actor.id);
    await tx
      .update(users)
      .set({ timeZone: input.timeZone, timeZoneChosenAt: new Date() })
      .where(eq(users.id, user.id));
    await audit({
      action: 'user.time_zone_chosen',
      entityType: 'user',
      entityId: user.id,
      before: { timeZone: user.timeZone },
      after: { timeZone: input.timeZone },
    });
    return { timeZone: input.timeZone };
  },
});

/**
 * Changes the user's own password after checking the current one. A new session version ends
 * every other session; the caller re-issues this session's cookie with it (server/profile/actions).
 * It is the one action open to someone on a temporary password, and it clears that flag.
 */
export const changePasswordCommand = defineAction({
  schema: changePasswordSchema,
  permission: 'profile.own',
  allowsTemporaryPassword: true,
  async run(input, { tx, audit, client, user: actor }) {
    // Guessing the current password here spends the same budget as guessing it at sign-in, and
    // takes its lock first, in the order sign-in takes them.
    const email = actor.email.toLowerCase();
    await lockPasswordTries(tx, email);
    const user = await lockSelf(tx, actor.id);
    if ((await recentPasswordFailures(tx, email)) >= signInLimits.failuresPerEmail) {
      throw forbidden(
        `Too many wrong passwords. Wait ${signInLimits.windowMinutes} minutes, then try again.`,
      );
    }
    if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
      // Written outside this transaction, which the refusal rolls back.
      await db.insert(signInAttempts).values({
        email,
        ip: client?.rateLimitKey ?? 'profile',
        forwardedFor: client?.forwardedFor ?? null,
        succeeded: false,
      });
      throw new ActionError('Check the highlighted fields.', {
        currentPassword: ['This is not your current password.'],
      });
    }
    const sessionVersion = user.sessionVersion + 1;
    await tx
      .update(users)
      .set({
        passwordHash: await hashPassword(input.password),
        mustChangePassword: false,
        setPasswordTokenHash: null,
        setPasswordExpiresAt: null,
        sessionVersion,
      })
      .where(eq(users.id, user.id));
    await audit({ action: 'user.password_changed', entityType: 'user', entityId: user.id });
    return { sessionVersion };
  },
});

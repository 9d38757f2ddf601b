import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { db, type Transaction } from '@/db/client';
import { users } from '@/db/schema';
import {
  addUserSchema,
  changeRoleSchema,
  setPasswordSchema,
  userIdSchema,
} from '@/lib/validation/users';
import { invalidInput } from '@/lib/form-data';
import type { ActionResult } from '@/lib/action-result';
import { defineAction } from '@/server/action';
import { recordAudit } from '@/server/audit/record-audit';
import type { ClientAddress } from '@/server/auth/client-ip';
import { hashPassword } from '@/server/auth/password';
import { conflict, forbidden } from '@/server/errors';
import { lockVisibleRecord } from '@/server/lock-record';
import { rerouteHiddenReviews } from '@/server/proposals/reroute-reviews';
import { insertUser } from './insert-user';
import { createSetPasswordToken, hashSetPasswordToken } from './set-password-token';

/**
 * Serialises every change that could take away a manager. Taken before any row lock, so two
 * managers demoting each other wait in line instead of deadlocking.
 */
async function lockManagerChanges(tx: Transaction) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('accord:manager-changes'))`);
}

function lockUser(tx: Transaction, userId: string) {
  return lockVisibleRecord(tx, users, 'user', { id: userId });
}

/** Refuses a change that would leave no active manager; callers hold lockManagerChanges. */
async function assertAnotherActiveManager(tx: Transaction, userId: string, message: string) {
  const managers = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'manager'), eq(users.active, true)));
  if (!managers.some((manager) => manager.id !== userId)) throw conflict(message);
}

export const addUserCommand = defineAction({
  schema: addUserSchema,
  permission: 'users.manage',
  run: (input, { tx, audit }) => insertUser(tx, input, audit),
});

export const changeRoleCommand = defineAction({
  schema: changeRoleSchema,
  permission: 'users.manage',
  async run(input, context) {
    const { tx, audit } = context;
    await lockManagerChanges(tx);
    const user = await lockUser(tx, input.userId);
    if (user.role === input.role) return { id: user.id };
    if (user.role === 'manager' && user.active) {
      await assertAnotherActiveManager(
        tx,
        user.id,
        'The last active manager cannot be given another role.',
      );
    }
    await tx.update(users).set({ role: input.role }).where(eq(users.id, user.id));
    await audit({
      action: 'user.role_changed',
      entityType: 'user',
      entityId: user.id,
      before: { role: user.role },
      after: { role: input.role },
    });
    // A manager who is no longer one stops seeing other teams' accounts under `assigned`.
    await rerouteHiddenReviews(context, { userId: user.id });
    return { id: user.id };
  },
});

export const deactivateUserCommand = defineAction({
  schema: userIdSchema,
  permission: 'users.manage',
  async run(input, { tx, audit, user: actor }) {
    if (input.userId === actor.id) throw forbidden('You cannot deactivate yourself.');
    await lockManagerChanges(tx);
    const user = await lockUser(tx, input.userId);
    if (!user.active) return { id: user.id, active: false };
    if (user.role === 'manager') {
      await assertAnotherActiveManager(
        tx,
        user.id,
        'The last active manager cannot be deactivated.',
      );
    }
    // A new session version ends every session the user has open, on their next request.
    await tx
      .update(users)
      .set({ active: false, sessionVersion: user.sessionVersion + 1 })
      .where(eq(users.id, user.id));
    await audit({
      action: 'user.deactivated',
      entityType: 'user',
      entityId: user.id,
      before: { active: true },
      after: { active: false },
    });
    return { id: user.id, active: false };
  },
});

export const reactivateUserCommand = defineAction({
  schema: userIdSchema,
  permission: 'users.manage',
  async run(input, { tx, audit }) {
    const user = await lockUser(tx, input.userId);
    if (user.active) return { id: user.id, active: true };
    await tx.update(users).set({ active: true }).where(eq(users.id, user.id));
    await audit({
      action: 'user.reactivated',
      entityType: 'user',
      entityId: user.id,
      before: { active: false },
      after: { active: true },
    });
    return { id: user.id, active: true };
  },
});

export const createSetPasswordLinkCommand = defineAction({
  schema: userIdSchema,
  permission: 'users.manage',
  async run(input, { tx, audit }) {
    const user = await lockUser(tx, input.userId);
    const link = createSetPasswordToken();
    await tx
      .update(users)
      .set({ setPasswordTokenHash: link.hash, setPasswordExpiresAt: link.expiresAt })
      .where(eq(users.id, user.id));
    await audit({
      action: 'user.password_link_created',
      entityType: 'user',
      entityId: user.id,
      after: { expiresAt: link.expiresAt.toISOString() },
    });
    return { id: user.id, setPasswordToken: link.token };
  },
});

/**
 * Sets a password from a one-time link. Needs no session: the token is the credential, so it is
 * used once, expires, and only works for an active user. Other sessions of the user end.
 */
export async function setPasswordWithToken(
  raw: unknown,
  client: ClientAddress | null,
): Promise<ActionResult<null>> {
  const parsed = setPasswordSchema.safeParse(raw);
  if (!parsed.success) return invalidInput(parsed.error, raw);
  const applied = await db.transaction(async (tx) => {
    const [user] = await tx
      .select()
      .from(users)
      .where(eq(users.setPasswordTokenHash, hashSetPasswordToken(parsed.data.token)))
      .for('update')
      .limit(1);
    if (!user?.active || !user.setPasswordExpiresAt || user.setPasswordExpiresAt < new Date()) {
      return false;
    }
    // Hashed only for a live link: a made-up token must not cost the server an argon2 run.
    const passwordHash = await hashPassword(parsed.data.password);
    await tx
      .update(users)
      .set({
        passwordHash,
        setPasswordTokenHash: null,
        setPasswordExpiresAt: null,
        mustChangePassword: false,
        sessionVersion: user.sessionVersion + 1,
      })
      .where(eq(users.id, user.id));
    await recordAudit(tx, {
      actorId: user.id,
      action: 'user.password_set',
      entityType: 'user',
      entityId: user.id,
      ip: client?.reported ?? null,
      forwardedFor: client?.forwardedFor ?? null,
    });
    return true;
  });
  if (!applied) {
    return {
      ok: false,
      error: 'This link has expired or has already been used. Ask a manager for a new one.',
    };
  }
  return { ok: true, data: null };
}

import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditLog, users } from '@/db/schema';
import type { Role } from '@/lib/roles';
import { executeAction } from '@/server/action';
import { authenticate } from '@/server/auth/sign-in';
import {
  addUserCommand,
  changeRoleCommand,
  createSetPasswordLinkCommand,
  deactivateUserCommand,
  reactivateUserCommand,
  setPasswordWithToken,
} from '@/server/users/commands';
import {
  asCurrentUser,
  auditEntriesFor,
  createActor,
  createUser,
  findUser,
} from '../support/factories';

const client = () => ({ rateLimitKey: randomUUID(), reported: null, forwardedFor: null });

async function tableSnapshot() {
  const [[userCount], [auditCount]] = await Promise.all([
    db.select({ n: count() }).from(users),
    db.select({ n: count() }).from(auditLog),
  ]);
  const rows = await db.select().from(users).orderBy(users.id);
  return { users: userCount?.n, audit: auditCount?.n, rows };
}

const newUserInput = (email = `new-${randomUUID().slice(0, 8)}@example.test`) => ({
  passwordMode: 'temporary',
  name: 'Nina New',
  email,
  role: 'coordinator',
  timeZone: 'America/Los_Angeles',
  password: 'a-fine-long-password',
});

describe('admin actions called directly by roles without users.manage', () => {
  for (const role of ['coordinator', 'executive'] as Role[]) {
    it(`refuses every admin action for a ${role} and changes nothing`, async () => {
      const actor = await createActor(role);
      const target = await createUser({ role: 'executive' });
      const before = await tableSnapshot();
      const attempts = [
        executeAction(addUserCommand, actor, newUserInput()),
        executeAction(changeRoleCommand, actor, { userId: target.id, role: 'manager' }),
        executeAction(changeRoleCommand, actor, { userId: actor.id, role: 'manager' }),
        executeAction(deactivateUserCommand, actor, { userId: target.id }),
        executeAction(reactivateUserCommand, actor, { userId: target.id }),
        executeAction(createSetPasswordLinkCommand, actor, { userId: target.id }),
      ];
      for (const result of await Promise.all(attempts)) {
        expect(result).toMatchObject({
          ok: false,
          code: 'forbidden',
        });
      }
      expect(await tableSnapshot()).toEqual(before);
    });
  }

  it('refuses a caller with no session', async () => {
    const result = await executeAction(addUserCommand, null, newUserInput());
    expect(result).toMatchObject({ ok: false, error: 'Your session has ended. Sign in again.' });
  });
});

describe('adding users as a manager', () => {
  it('adds a user with a temporary password who can then sign in, and audits it without secrets', async () => {
    const manager = await createActor('manager');
    const input = newUserInput();
    const result = await executeAction(addUserCommand, manager, input, {
      rateLimitKey: '198.51.100.4',
      reported: '198.51.100.4',
      forwardedFor: null,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.setPasswordToken).toBeNull();
    expect(
      await authenticate({ email: input.email, password: input.password }, client()),
    ).toMatchObject({ ok: true });
    const [entry] = (await auditEntriesFor(result.data.id)).filter(
      (row) => row.action === 'user.created',
    );
    expect(entry).toMatchObject({
      actorId: manager.id,
      ip: '198.51.100.4',
      after: { email: input.email, role: 'coordinator' },
    });
    const stored = await findUser(result.data.id);
    // The manager chose their zone; the password is theirs only until they choose their own.
    expect(stored).toMatchObject({
      timeZone: 'America/Los_Angeles',
      timeZoneChosenAt: null,
      mustChangePassword: true,
    });
    expect(JSON.stringify(entry)).not.toContain(input.password);
    expect(JSON.stringify(entry)).not.toContain(stored?.passwordHash);
  });

  it('adds a user with a one-time link that sets the password once', async () => {
    const manager = await createActor('manager');
    const input = { ...newUserInput(), passwordMode: 'link', password: undefined };
    const result = await executeAction(addUserCommand, manager, input);
    if (!result.ok) throw new Error(result.error);
    const token = result.data.setPasswordToken;
    expect(token).toMatch(/^[\w-]{40,}$/);
    expect(await findUser(result.data.id)).toMatchObject({
      timeZone: 'America/Los_Angeles',
      mustChangePassword: false,
    });
    expect((await findUser(result.data.id))?.setPasswordTokenHash).not.toBe(token);
    expect(
      await authenticate({ email: input.email, password: 'brand-new-password' }, client()),
    ).toMatchObject({ ok: false });

    const set = await setPasswordWithToken(
      { token, password: 'brand-new-password', confirmPassword: 'brand-new-password' },
      null,
    );
    expect(set).toEqual({ ok: true, data: null });
    expect(
      await authenticate({ email: input.email, password: 'brand-new-password' }, client()),
    ).toMatchObject({ ok: true });

    const reused = await setPasswordWithToken(
      { token, password: 'another-password-1', confirmPassword: 'another-password-1' },
      null,
    );
    expect(reused).toMatchObject({
      ok: false,
      error: expect.stringContaining('already been used'),
    });
    expect((await auditEntriesFor(result.data.id)).map((row) => row.action)).toContain(
      'user.password_set',
    );
  });

  it('refuses an expired link', async () => {
    const manager = await createActor('manager');
    const target = await createUser();
    const link = await executeAction(createSetPasswordLinkCommand, manager, { userId: target.id });
    if (!link.ok) throw new Error(link.error);
    await db
      .update(users)
      .set({ setPasswordExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(users.id, target.id));
    const result = await setPasswordWithToken(
      {
        token: link.data.setPasswordToken,
        password: 'too-late-password',
        confirmPassword: 'too-late-password',
      },
      null,
    );
    expect(result.ok).toBe(false);
  });

  it('refuses a duplicate e-mail whatever its case', async () => {
    const manager = await createActor('manager');
    const existing = await createUser({ email: 'taken@example.test' });
    const before = await tableSnapshot();
    const result = await executeAction(addUserCommand, manager, newUserInput('TAKEN@example.test'));
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { email: ['A user with this email already exists.'] },
    });
    expect(await tableSnapshot()).toEqual(before);
    expect(existing.id).toBeDefined();
  });

  it.each([
    ['an invalid role', { role: 'superuser' }, 'role'],
    ['an over-long name', { name: 'n'.repeat(121) }, 'name'],
    ['a weak password', { password: 'password1' }, 'password'],
    ['a short password', { password: 'abc' }, 'password'],
    ['an unknown time zone', { timeZone: 'Atlantis/Capital' }, 'timeZone'],
  ])(
    'refuses %s with a field error, keeps what was typed and changes nothing',
    async (_label, change, field) => {
      const manager = await createActor('manager');
      const before = await tableSnapshot();
      const input = { ...newUserInput(), ...change };
      const result = await executeAction(addUserCommand, manager, input);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.fieldErrors?.[field]?.length).toBeGreaterThan(0);
      expect(result.values).toMatchObject({ email: input.email, passwordMode: 'temporary' });
      expect(result.values).not.toHaveProperty('password');
      expect(await tableSnapshot()).toEqual(before);
    },
  );
});

describe('roles and activation', () => {
  it('changes a role and audits before and after', async () => {
    const manager = await createActor('manager');
    const target = await createUser({ role: 'coordinator' });
    expect(
      await executeAction(changeRoleCommand, manager, { userId: target.id, role: 'executive' }),
    ).toMatchObject({ ok: true });
    expect((await findUser(target.id))?.role).toBe('executive');
    const [entry] = (await auditEntriesFor(target.id)).filter(
      (row) => row.action === 'user.role_changed',
    );
    expect(entry).toMatchObject({ before: { role: 'coordinator' }, after: { role: 'executive' } });
  });

  it('never demotes or deactivates the last active manager', async () => {
    await db.update(users).set({ active: false }).where(eq(users.role, 'manager'));
    const onlyManager = await createUser({ role: 'manager' });
    const actor = asCurrentUser(onlyManager);
    const demote = await executeAction(changeRoleCommand, actor, {
      userId: onlyManager.id,
      role: 'executive',
    });
    expect(demote).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    expect((await findUser(onlyManager.id))?.role).toBe('manager');

    const second = await createUser({ role: 'manager' });
    expect(await executeAction(deactivateUserCommand, actor, { userId: second.id })).toMatchObject({
      ok: true,
    });
    const deactivateLast = await executeAction(deactivateUserCommand, asCurrentUser(second), {
      userId: onlyManager.id,
    });
    expect(deactivateLast).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    expect((await findUser(onlyManager.id))?.active).toBe(true);
  });

  it('lets two managers demote each other at once only one way round', async () => {
    await db.update(users).set({ active: false }).where(eq(users.role, 'manager'));
    const first = await createUser({ role: 'manager' });
    const second = await createUser({ role: 'manager' });
    const results = await Promise.all([
      executeAction(changeRoleCommand, asCurrentUser(first), {
        userId: second.id,
        role: 'coordinator',
      }),
      executeAction(changeRoleCommand, asCurrentUser(second), {
        userId: first.id,
        role: 'coordinator',
      }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    const managers = await db.select().from(users).where(eq(users.role, 'manager'));
    expect(managers.filter((manager) => manager.active)).toHaveLength(1);
  });

  it('deactivates a user, ending their sessions, and reactivates them', async () => {
    const manager = await createActor('manager');
    const target = await createUser();
    expect(await executeAction(deactivateUserCommand, manager, { userId: target.id })).toEqual({
      ok: true,
      data: { id: target.id, active: false },
    });
    const deactivated = await findUser(target.id);
    expect(deactivated).toMatchObject({ active: false, sessionVersion: target.sessionVersion + 1 });
    expect(await executeAction(reactivateUserCommand, manager, { userId: target.id })).toEqual({
      ok: true,
      data: { id: target.id, active: true },
    });
    expect((await findUser(target.id))?.active).toBe(true);
    expect((await auditEntriesFor(target.id)).map((row) => row.action).sort()).toEqual([
      'user.deactivated',
      'user.reactivated',
    ]);
  });

  it('does not let managers deactivate themselves', async () => {
    const manager = await createActor('manager');
    expect(
      await executeAction(deactivateUserCommand, manager, { userId: manager.id }),
    ).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
  });

  it('answers an unknown user clearly', async () => {
    const manager = await createActor('manager');
    expect(
      await executeAction(changeRoleCommand, manager, { userId: randomUUID(), role: 'executive' }),
    ).toMatchObject({
      ok: false,
      code: 'not_found',
    });
  });
});

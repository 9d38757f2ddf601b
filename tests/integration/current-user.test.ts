import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { createUser } from '../support/factories';

// The session cookie is next-auth's business; what matters here is what Accord does with it.
const session = vi.hoisted(() => ({
  current: null as null | { user: { id: string; sessionVersion: number } },
}));
vi.mock('@/server/auth/config', () => ({ auth: async () => session.current }));

const { getCurrentUser } = await import('@/server/auth/session');

describe('the current user', () => {
  beforeEach(() => {
    session.current = null;
  });

  it('is nobody without a session', async () => {
    expect(await getCurrentUser()).toBeNull();
  });

  it('is re-read from the database, so a role change applies on the next request', async () => {
    const user = await createUser({ role: 'coordinator' });
    session.current = { user: { id: user.id, sessionVersion: user.sessionVersion } };
    expect(await getCurrentUser()).toMatchObject({ id: user.id, role: 'coordinator' });
    await db.update(users).set({ role: 'manager' }).where(eq(users.id, user.id));
    expect(await getCurrentUser()).toMatchObject({ id: user.id, role: 'manager' });
  });

  it('is nobody once the user is deactivated', async () => {
    const user = await createUser();
    session.current = { user: { id: user.id, sessionVersion: user.sessionVersion } };
    await db.update(users).set({ active: false }).where(eq(users.id, user.id));
    expect(await getCurrentUser()).toBeNull();
  });

  it('is nobody when the session predates a new session version', async () => {
    const user = await createUser();
    session.current = { user: { id: user.id, sessionVersion: user.sessionVersion } };
    await db
      .update(users)
      .set({ sessionVersion: user.sessionVersion + 1 })
      .where(eq(users.id, user.id));
    expect(await getCurrentUser()).toBeNull();
  });

  it('never exposes the password hash', async () => {
    const user = await createUser();
    session.current = { user: { id: user.id, sessionVersion: user.sessionVersion } };
    expect(Object.keys((await getCurrentUser()) ?? {}).sort()).toEqual([
      'email',
      'id',
      'name',
      'role',
      'timeZone',
    ]);
  });
});

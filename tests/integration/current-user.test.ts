import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { createUser } from '../support/factories';
import { encodeSessionCookie, sessionTestSecret } from '../support/session-cookie';

process.env.AUTH_SECRET = sessionTestSecret;

// The request's cookies, as next/headers would give them to a server component.
const jar = vi.hoisted(() => ({ token: undefined as string | undefined }));
vi.mock('next/headers', () => ({
  cookies: async () => ({
    has: (name: string) => name === 'authjs.session-token' && jar.token !== undefined,
    get: (name: string) =>
      name === 'authjs.session-token' && jar.token ? { name, value: jar.token } : undefined,
  }),
}));

const { getCurrentUser } = await import('@/server/auth/session');

async function signInAs(
  user: { id: string; role: string; sessionVersion: number },
  signedInAt = Date.now(),
) {
  jar.token = await encodeSessionCookie(user, signedInAt);
}

describe('the current user', () => {
  beforeEach(() => {
    jar.token = undefined;
  });

  it('is nobody without a session cookie, or with one that does not decrypt', async () => {
    expect(await getCurrentUser()).toBeNull();
    jar.token = 'not-a-session';
    expect(await getCurrentUser()).toBeNull();
  });

  it('is re-read from the database, so a role change applies on the next request', async () => {
    const user = await createUser({ role: 'coordinator' });
    await signInAs(user);
    expect(await getCurrentUser()).toMatchObject({ id: user.id, role: 'coordinator' });
    await db.update(users).set({ role: 'manager' }).where(eq(users.id, user.id));
    expect(await getCurrentUser()).toMatchObject({ id: user.id, role: 'manager' });
  });

  it('is nobody once the user is deactivated', async () => {
    const user = await createUser();
    await signInAs(user);
    await db.update(users).set({ active: false }).where(eq(users.id, user.id));
    expect(await getCurrentUser()).toBeNull();
  });

  it('is nobody when the session predates a new session version (sign-out, deactivation)', async () => {
    const user = await createUser();
    await signInAs(user);
    await db
      .update(users)
      .set({ sessionVersion: user.sessionVersion + 1 })
      .where(eq(users.id, user.id));
    expect(await getCurrentUser()).toBeNull();
  });

  it('is nobody 12 hours after signing in, however active the session', async () => {
    const user = await createUser();
    await signInAs(user, Date.now() - 12 * 60 * 60 * 1000 - 1000);
    expect(await getCurrentUser()).toBeNull();
  });

  it('never exposes the password hash', async () => {
    const user = await createUser();
    await signInAs(user);
    expect(Object.keys((await getCurrentUser()) ?? {}).sort()).toEqual([
      'email',
      'id',
      'locale',
      'mustChangePassword',
      'name',
      'role',
      'timeZone',
      'timeZoneChosen',
    ]);
  });
});

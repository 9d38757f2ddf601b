import 'server-only';
import { eq } from 'drizzle-orm';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import type { Role } from '@/lib/roles';
import { decode } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { isPastAbsoluteLifetime } from './session-policy';
import { can, type Permission } from './permissions';

export type CurrentUser = {
  id: string;
  name: string;
  email: string;
  role: Role;
  timeZone: string;
};

const sessionCookies = ['__Secure-authjs.session-token', 'authjs.session-token'];

/**
 * The session in the request's cookie, decrypted and checked (expiry, absolute lifetime). The
 * same check next-auth's auth() makes, without running its whole request pipeline, which
 * re-issues the cookie and costs several times as much on every page.
 */
async function readSession() {
  const jar = await cookies();
  const name = sessionCookies.find((cookie) => jar.has(cookie));
  const token = name ? jar.get(name)?.value : undefined;
  if (!name || !token || !process.env.AUTH_SECRET) return null;
  const payload = await decode({ token, secret: process.env.AUTH_SECRET, salt: name }).catch(
    () => null,
  );
  if (!payload?.sub || payload.sessionVersion === undefined) return null;
  if (isPastAbsoluteLifetime(payload.signedInAt)) return null;
  return { id: payload.sub, sessionVersion: payload.sessionVersion };
}

/**
 * The signed-in user, re-read from the database once per request, so a deactivation, a role
 * change or a bumped session version takes effect on the next request. Null when signed out.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await readSession();
  const id = session?.id;
  if (!id) return null;
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      timeZone: users.timeZone,
      active: users.active,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  if (!row || !row.active || row.sessionVersion !== session.sessionVersion) return null;
  return { id: row.id, name: row.name, email: row.email, role: row.role, timeZone: row.timeZone };
});

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in');
  return user;
}

/** For pages: the signed-in user if the role has `permission`, otherwise the 403 page. */
export async function requirePermission(permission: Permission): Promise<CurrentUser> {
  const user = await requireUser();
  if (!can(user, permission)) forbidden();
  return user;
}

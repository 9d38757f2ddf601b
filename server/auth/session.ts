import 'server-only';
import { eq } from 'drizzle-orm';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import type { Role } from '@/lib/roles';
import { cookies } from 'next/headers';
import { noteSessionVersion, readSessionCookie } from './session-cookie';
import { can, type Permission } from './permissions';
import { setRequestUser } from '@/lib/observability/request-context';

export type CurrentUser = {
  id: string;
  name: string;
  email: string;
  role: Role;
  timeZone: string;
  locale: string;
  /** Whether the user picked their time zone themselves; until then the browser's is offered. */
  timeZoneChosen: boolean;
  /** Signed in with a temporary password: nothing else opens until they choose their own. */
  mustChangePassword: boolean;
};

/**
 * The user a session cookie's claims name, if that session is still live: the user exists, is
 * active and still has the session version the cookie was issued with.
 */
export async function findSessionUser(claims: {
  sub: string;
  sessionVersion: number;
}): Promise<CurrentUser | null> {
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      timeZone: users.timeZone,
      timeZoneChosenAt: users.timeZoneChosenAt,
      locale: users.locale,
      mustChangePassword: users.mustChangePassword,
      active: users.active,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(eq(users.id, claims.sub))
    .limit(1);
  if (!row) return null;
  noteSessionVersion(row.id, row.sessionVersion);
  if (!row.active || row.sessionVersion !== claims.sessionVersion) return null;
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    timeZone: row.timeZone,
    locale: row.locale,
    timeZoneChosen: row.timeZoneChosenAt !== null,
    mustChangePassword: row.mustChangePassword,
  };
}

/**
 * The signed-in user, re-read from the database once per request, so a deactivation, a role
 * change or a bumped session version takes effect on the next request. Null when signed out.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const jar = await cookies();
  const session = await readSessionCookie((name) => jar.get(name)?.value);
  const user = session ? await findSessionUser(session.payload) : null;
  if (user) setRequestUser(user.id);
  return user;
});

/**
 * For route handlers (files, exports): the signed-in user, or null while they are still on a
 * temporary password, which opens nothing but choosing their own.
 */
export async function getUserForRoute(): Promise<CurrentUser | null> {
  const user = await getCurrentUser();
  return user?.mustChangePassword ? null : user;
}

/**
 * For pages: the signed-in user, or a redirect to the sign-in page; someone still on a temporary
 * password is sent to choose their own first, whichever page they asked for.
 */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in');
  if (user.mustChangePassword) redirect('/change-password');
  return user;
}

/** For pages: the signed-in user if the role has `permission`, otherwise the 403 page. */
export async function requirePermission(permission: Permission): Promise<CurrentUser> {
  const user = await requireUser();
  if (!can(user, permission)) forbidden();
  return user;
}

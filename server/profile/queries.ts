import 'server-only';
import { eq } from 'drizzle-orm';
import { forbidden, notFound } from 'next/navigation';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { can } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';
import { requiresCompanySignIn } from '@/server/auth/sign-in';

/** The signed-in user's own profile, as the profile form shows it. */
export async function getProfile(viewer: CurrentUser) {
  if (!can(viewer, 'profile.own')) forbidden();
  const [profile] = await db
    .select({
      name: users.name,
      email: users.email,
      timeZone: users.timeZone,
      locale: users.locale,
      workingHoursStart: users.workingHoursStart,
      workingHoursEnd: users.workingHoursEnd,
      workingDays: users.workingDays,
    })
    .from(users)
    .where(eq(users.id, viewer.id))
    .limit(1);
  if (!profile) notFound();
  // PostgreSQL's time is "09:00:00"; the form and the calendar work in minutes.
  return {
    ...profile,
    workingHoursStart: profile.workingHoursStart.slice(0, 5),
    workingHoursEnd: profile.workingHoursEnd.slice(0, 5),
  };
}

export type Profile = Awaited<ReturnType<typeof getProfile>>;

/** Whether the profile offers a password change: not when the user must use company sign-in. */
export async function usesPassword(viewer: CurrentUser) {
  if (!can(viewer, 'profile.own')) forbidden();
  return !(await requiresCompanySignIn(db, viewer.role));
}

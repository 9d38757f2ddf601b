'use server';

import { cookies } from 'next/headers';
import type { ActionResult } from '@/lib/action-result';
import { formDataToObject } from '@/lib/form-data';
import { performAction, toFormAction } from '@/server/action';
import { readSessionCookie, reissueSessionCookie } from '@/server/auth/session-cookie';
import { sessionPolicy } from '@/server/auth/session-policy';
import { changePasswordCommand, chooseTimeZoneCommand, updateProfileCommand } from './commands';

export const updateProfile = toFormAction(updateProfileCommand, ['/profile']);
export const chooseTimeZone = toFormAction(chooseTimeZoneCommand, []);

/**
 * Changes the password, then keeps this session: the command moved the session version on, which
 * ends every session, so this one's cookie is re-issued with the new version (with the options
 * proxy.ts re-issues it with).
 */
export async function changePassword(
  _previous: ActionResult<null> | null,
  formData: FormData,
): Promise<ActionResult<null>> {
  const result = await performAction(changePasswordCommand, formDataToObject(formData));
  if (!result.ok) return result;
  const jar = await cookies();
  const session = await readSessionCookie((name) => jar.get(name)?.value);
  if (session) {
    const renewed = {
      name: session.name,
      payload: { ...session.payload, sessionVersion: result.data.sessionVersion },
    };
    jar.set(session.name, await reissueSessionCookie(renewed), {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: session.name.startsWith('__Secure-'),
      maxAge: sessionPolicy.idleSeconds,
    });
  }
  return { ok: true, data: null };
}

import { encode } from 'next-auth/jwt';

export const sessionCookieName = 'authjs.session-token';
/** Set as AUTH_SECRET before the session module is imported. */
export const sessionTestSecret = 'test-secret-for-session-cookies-0123456789';

/** A session cookie's value for `user`, as next-auth would set it at sign-in. */
export function encodeSessionCookie(
  user: { id: string; role: string; sessionVersion: number },
  signedInAt = Date.now(),
) {
  return encode({
    token: {
      sub: user.id,
      role: user.role as 'manager',
      sessionVersion: user.sessionVersion,
      signedInAt,
    },
    secret: sessionTestSecret,
    salt: sessionCookieName,
  });
}

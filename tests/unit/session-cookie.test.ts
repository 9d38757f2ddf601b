import { encode } from 'next-auth/jwt';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  isDueForRefresh,
  noteSessionVersion,
  readSessionCookie,
  reissueSessionCookie,
} from '@/server/auth/session-cookie';

const name = 'authjs.session-token';
const secret = 'unit-test-secret-for-session-cookies-42';

beforeAll(() => {
  process.env.AUTH_SECRET = secret;
});

afterEach(() => {
  vi.useRealTimers();
});

const cookieJar = (value: string | undefined) => (cookie: string) =>
  cookie === name ? value : undefined;
const issue = (claims: Record<string, unknown>, maxAge = 3600) =>
  encode({ token: claims, secret, salt: name, maxAge });

describe('the session cookie', () => {
  it('reads a cookie next-auth issued, and nothing else', async () => {
    const token = await issue({ sub: 'user-1', sessionVersion: 3, signedInAt: Date.now() });
    expect(await readSessionCookie(cookieJar(token))).toMatchObject({
      name,
      payload: { sub: 'user-1', sessionVersion: 3 },
    });
    expect(await readSessionCookie(cookieJar(undefined))).toBeNull();
    expect(await readSessionCookie(cookieJar('forged'))).toBeNull();
    const otherSecret = await encode({
      token: { sub: 'user-1', sessionVersion: 3, signedInAt: Date.now() },
      secret: 'another-secret-entirely-0123456789',
      salt: name,
    });
    expect(await readSessionCookie(cookieJar(otherSecret))).toBeNull();
  });

  it('refuses an expired cookie and one past the 12-hour limit', async () => {
    expect(
      await readSessionCookie(
        cookieJar(await issue({ sub: 'u', sessionVersion: 0, signedInAt: Date.now() }, -60)),
      ),
    ).toBeNull();
    const old = await issue({
      sub: 'u',
      sessionVersion: 0,
      signedInAt: Date.now() - 13 * 3600_000,
    });
    expect(await readSessionCookie(cookieJar(old))).toBeNull();
  });

  it('is re-issued with a later idle deadline only after a few minutes, keeping its claims', async () => {
    const signedInAt = Date.now() - 3600_000;
    const session = await readSessionCookie(
      cookieJar(await issue({ sub: 'user-2', sessionVersion: 1, signedInAt, role: 'manager' }, 60)),
    );
    if (!session) throw new Error('no session');
    expect(isDueForRefresh(session.payload)).toBe(false);
    expect(isDueForRefresh(session.payload, Date.now() + 6 * 60_000)).toBe(true);
    const renewed = await readSessionCookie(cookieJar(await reissueSessionCookie(session)));
    expect(renewed?.payload).toMatchObject({
      sub: 'user-2',
      sessionVersion: 1,
      signedInAt,
      role: 'manager',
    });
    expect(renewed?.payload.exp).toBeGreaterThan((session.payload.exp ?? 0) + 7 * 3600);
  });

  it('is refused once it expires, even after it was read while valid', async () => {
    const token = await issue({ sub: 'user-3', sessionVersion: 0, signedInAt: Date.now() }, 60);
    expect((await readSessionCookie(cookieJar(token)))?.payload.sub).toBe('user-3');
    expect((await readSessionCookie(cookieJar(token)))?.payload.sub).toBe('user-3');
    vi.useFakeTimers({ now: Date.now() + 90_000 });
    expect(await readSessionCookie(cookieJar(token))).toBeNull();
  });

  it('is refused, even from the cache, once the user is known to have a later session version', async () => {
    const token = await issue({ sub: 'user-4', sessionVersion: 2, signedInAt: Date.now() });
    expect((await readSessionCookie(cookieJar(token)))?.payload.sub).toBe('user-4');
    noteSessionVersion('user-4', 2);
    expect((await readSessionCookie(cookieJar(token)))?.payload.sub).toBe('user-4');
    noteSessionVersion('user-4', 3);
    expect(await readSessionCookie(cookieJar(token))).toBeNull();
    // An older version read later (a stale replica, a slow request) does not lower it again.
    noteSessionVersion('user-4', 2);
    expect(await readSessionCookie(cookieJar(token))).toBeNull();
  });
});

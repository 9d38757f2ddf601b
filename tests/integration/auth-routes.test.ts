import { and, desc, eq } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditLog, signInAttempts, users } from '@/db/schema';
import { remoteAddressHeader, remoteAddressStampedEnv } from '@/lib/remote-address';
import { createUser, findUser, testPassword } from '../support/factories';

// next-auth's own endpoints, called as Next would call app/api/auth/[...nextauth]/route.ts.
const cookieName = 'authjs.session-token';
process.env.AUTH_SECRET = 'test-secret-for-auth-routes-0123456789';
const { GET, POST } = await import('@/app/api/auth/[...nextauth]/route');

const origin = 'http://localhost:3000';

async function sessionCookieFor(user: { id: string; role: string; sessionVersion: number }) {
  const token = await encode({
    token: {
      sub: user.id,
      role: user.role as 'coordinator',
      sessionVersion: user.sessionVersion,
      signedInAt: Date.now(),
      name: user.id,
    },
    secret: process.env.AUTH_SECRET ?? '',
    salt: cookieName,
  });
  return `${cookieName}=${token}`;
}

/** A CSRF token and its cookie, as a browser gets them before posting to next-auth. */
async function csrf() {
  const response = await GET(new NextRequest(`${origin}/api/auth/csrf`));
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  return { csrfToken, cookie };
}

async function postForm(path: string, fields: Record<string, string>, headers: HeadersInit) {
  return POST(
    new NextRequest(`${origin}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(fields),
    }),
  );
}

async function getSession(cookie: string) {
  const response = await GET(
    new NextRequest(`${origin}/api/auth/session`, { headers: { cookie } }),
  );
  return { body: await response.json(), setCookies: response.headers.getSetCookie() };
}

/** Whether a response re-issues the session cookie (rather than clearing it). */
const reissues = (setCookies: string[]) =>
  setCookies.some((line) => line.startsWith(`${cookieName}=`) && !/max-age=0/i.test(line));

async function signOutWith(cookie: string, headers: Record<string, string> = {}) {
  const { csrfToken, cookie: csrfCookie } = await csrf();
  return postForm(
    '/api/auth/signout',
    { csrfToken, callbackUrl: '/sign-in' },
    { cookie: `${csrfCookie}; ${cookie}`, ...headers },
  );
}

afterEach(() => {
  delete process.env[remoteAddressStampedEnv];
  delete process.env.TRUSTED_PROXY_HOPS;
  delete process.env.APP_URL;
});

describe('GET /api/auth/session', () => {
  it('answers with the user for a live session', async () => {
    const user = await createUser();
    const { body, setCookies } = await getSession(await sessionCookieFor(user));
    expect(body).toMatchObject({ user: { id: user.id, email: user.email, name: user.name } });
    expect(reissues(setCookies)).toBe(true);
  });

  it('answers as for no session, with no new cookie, once the session was signed out', async () => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user);
    await signOutWith(cookie);
    const { body, setCookies } = await getSession(cookie);
    expect(body).toBeNull();
    expect(reissues(setCookies)).toBe(false);
  });

  it('answers as for no session, with no new cookie, for a deactivated user', async () => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user);
    await db.update(users).set({ active: false }).where(eq(users.id, user.id));
    const { body, setCookies } = await getSession(cookie);
    expect(body).toBeNull();
    expect(reissues(setCookies)).toBe(false);
  });
});

describe('POST /api/auth/signout', () => {
  it('ends the session on the server, as the user menu does, and audits where it came from', async () => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user);
    process.env[remoteAddressStampedEnv] = '1';
    const response = await signOutWith(cookie, {
      [remoteAddressHeader]: '198.51.100.20',
      'x-forwarded-for': '203.0.113.66',
    });
    expect(response.status).toBe(302);
    expect((await findUser(user.id))?.sessionVersion).toBe(user.sessionVersion + 1);
    const entries = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, user.id), eq(auditLog.action, 'auth.sign_out')));
    expect(entries.map((entry) => [entry.ip, entry.forwardedFor])).toEqual([
      ['198.51.100.20', '203.0.113.66'],
    ]);
  });

  it('changes nothing for a cookie whose session had already ended', async () => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user);
    await signOutWith(cookie);
    await signOutWith(cookie);
    expect((await findUser(user.id))?.sessionVersion).toBe(user.sessionVersion + 1);
  });
});

describe('POST /api/auth/callback/credentials', () => {
  async function signIn(email: string, password: string, headers: Record<string, string>) {
    const { csrfToken, cookie } = await csrf();
    return postForm(
      '/api/auth/callback/credentials',
      { csrfToken, email, password, callbackUrl: '/' },
      { cookie, ...headers },
    );
  }

  async function latestAttempt(email: string) {
    const [attempt] = await db
      .select()
      .from(signInAttempts)
      .where(eq(signInAttempts.email, email))
      .orderBy(desc(signInAttempts.id))
      .limit(1);
    return attempt;
  }

  async function latestAudit(userId: string, action: string) {
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, userId), eq(auditLog.action, action)))
      .orderBy(desc(auditLog.id))
      .limit(1);
    return entry;
  }

  it('records the connection address, and a forged X-Forwarded-For only as a claim', async () => {
    process.env[remoteAddressStampedEnv] = '1';
    const user = await createUser();
    const forged = { [remoteAddressHeader]: '192.0.2.44', 'x-forwarded-for': '10.9.9.9' };
    await signIn(user.email, 'not-the-password', forged);
    expect(await latestAttempt(user.email)).toMatchObject({
      ip: '192.0.2.44',
      forwardedFor: '10.9.9.9',
      succeeded: false,
    });
    expect(await latestAudit(user.id, 'auth.sign_in_failed')).toMatchObject({
      ip: '192.0.2.44',
      forwardedFor: '10.9.9.9',
    });

    await signIn(user.email, testPassword, forged);
    expect(await latestAttempt(user.email)).toMatchObject({
      ip: '192.0.2.44',
      forwardedFor: '10.9.9.9',
      succeeded: true,
    });
    expect(await latestAudit(user.id, 'auth.sign_in')).toMatchObject({
      ip: '192.0.2.44',
      forwardedFor: '10.9.9.9',
    });
  });

  it('believes the trusted proxy hops, and keeps what the client wrote before them as its claim', async () => {
    process.env[remoteAddressStampedEnv] = '1';
    process.env.TRUSTED_PROXY_HOPS = '1';
    const user = await createUser();
    await signIn(user.email, testPassword, {
      [remoteAddressHeader]: '10.0.0.2',
      'x-forwarded-for': '10.9.9.9, 203.0.113.5',
    });
    expect(await latestAudit(user.id, 'auth.sign_in')).toMatchObject({
      ip: '203.0.113.5',
      forwardedFor: '10.9.9.9',
    });
  });

  it("marks the session cookie Secure when Accord's URL is https, even reached over http", async () => {
    process.env.APP_URL = 'https://accord.example.test';
    const user = await createUser();
    const response = await signIn(user.email, testPassword, {});
    const session = response.headers
      .getSetCookie()
      .find((line) => line.startsWith('__Secure-authjs.session-token='));
    expect(session).toMatch(/;\s*Secure/i);
  });
});

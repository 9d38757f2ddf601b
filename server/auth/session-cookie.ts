import 'server-only';
import { decode, encode, type JWT } from 'next-auth/jwt';
import { isPastAbsoluteLifetime, sessionPolicy } from './session-policy';

// next-auth's names for the session cookie: with the __Secure- prefix over HTTPS.
const sessionCookieNames = ['__Secure-authjs.session-token', 'authjs.session-token'] as const;

export type SessionCookie = {
  name: string;
  payload: JWT & { sub: string; sessionVersion: number };
};

// Decrypting a cookie (key derivation, then AES and HMAC) costs more than rendering a small page,
// and the proxy and the page each read it on every request. A cookie decrypts to the same claims
// every time, so each server bundle keeps the claims of the cookies it has seen recently and
// checks their expiry on each use, with the same tolerance next-auth's own check allows.
const decodedCookies = new Map<string, Readonly<JWT>>();
const decodedCookieLimit = 1_000;
const clockToleranceSeconds = 15;

// The newest session version this process has seen for each user (from the users table). A cookie
// naming an older one was revoked, so its cached claims are refused here too, and the proxy stops
// re-issuing it. Shared through globalThis because the proxy and the pages are separate bundles.
// Only a shortcut: every page, action and route still compares the version with the database.
const sessionVersionsKey = Symbol.for('accord.session-versions');
const globalStore = globalThis as typeof globalThis & {
  [sessionVersionsKey]?: Map<string, number>;
};
const latestSessionVersions = (globalStore[sessionVersionsKey] ??= new Map<string, number>());

/** Remembers a user's current session version, read from the database or just moved on. */
export function noteSessionVersion(userId: string, sessionVersion: number) {
  if ((latestSessionVersions.get(userId) ?? -1) >= sessionVersion) return;
  latestSessionVersions.delete(userId);
  if (latestSessionVersions.size >= decodedCookieLimit) {
    latestSessionVersions.delete(latestSessionVersions.keys().next().value ?? '');
  }
  latestSessionVersions.set(userId, sessionVersion);
}

async function decodeOnce(token: string, secret: string, salt: string) {
  const key = `${salt}\0${secret}\0${token}`;
  const known = decodedCookies.get(key);
  if (known) {
    const expired = Date.now() / 1000 > (known.exp ?? 0) + clockToleranceSeconds;
    return expired ? null : known;
  }
  const payload = await decode({ token, secret, salt }).catch(() => null);
  if (payload && typeof payload.exp === 'number') {
    if (decodedCookies.size >= decodedCookieLimit) {
      decodedCookies.delete(decodedCookies.keys().next().value ?? '');
    }
    decodedCookies.set(key, Object.freeze(payload));
  }
  return payload;
}

/**
 * The session cookie of a request, decrypted and checked like next-auth checks it (signature,
 * expiry) plus Accord's 12-hour limit. Null when absent, forged, expired, too old or known to be
 * revoked.
 */
export async function readSessionCookie(
  get: (name: string) => string | undefined,
): Promise<SessionCookie | null> {
  const secret = process.env.AUTH_SECRET;
  const name = sessionCookieNames.find((candidate) => get(candidate));
  const token = name ? get(name) : undefined;
  if (!secret || !name || !token) return null;
  const payload = await decodeOnce(token, secret, name);
  if (!payload?.sub || payload.sessionVersion === undefined) return null;
  if (payload.sessionVersion < (latestSessionVersions.get(payload.sub) ?? -1)) return null;
  if (isPastAbsoluteLifetime(payload.signedInAt)) return null;
  return { name, payload: payload as SessionCookie['payload'] };
}

/** Whether an active session's cookie is due to be re-issued with a later idle deadline. */
export function isDueForRefresh(payload: JWT, now = Date.now()) {
  return typeof payload.iat !== 'number' || now / 1000 - payload.iat > sessionPolicy.refreshSeconds;
}

/** The same session with a fresh idle deadline, encrypted as next-auth would. */
export function reissueSessionCookie(session: SessionCookie) {
  const { iat, exp, jti, ...claims } = session.payload;
  return encode({
    token: claims,
    secret: process.env.AUTH_SECRET ?? '',
    salt: session.name,
    maxAge: sessionPolicy.idleSeconds,
  });
}

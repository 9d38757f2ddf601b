import 'server-only';
import { createHash, randomBytes } from 'node:crypto';

/** What a share token looks like; anything else is a guess, answered without a lookup. */
export const shareTokenPattern = /^[\w-]{20,64}$/;

/** A new secret for a client share link; only its hash is stored, the token is shown once. */
export function createShareToken() {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashShareToken(token) };
}

export function hashShareToken(token: string) {
  return createHash('sha256').update(token).digest('hex');
}

/** Addresses are kept only as a keyed hash: enough to tell repeat visitors apart, not to find anyone. */
export function hashAddress(address: string | null) {
  if (!address) return null;
  return createHash('sha256')
    .update(`${process.env.AUTH_SECRET ?? ''}:${address}`)
    .digest('hex');
}

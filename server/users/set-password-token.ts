import 'server-only';
import { createHash, randomBytes } from 'node:crypto';

const setPasswordLinkDays = 7;

/** A one-time token for a set-password link; only its hash is stored. */
export function createSetPasswordToken() {
  const token = randomBytes(32).toString('base64url');
  return {
    token,
    hash: hashSetPasswordToken(token),
    expiresAt: new Date(Date.now() + setPasswordLinkDays * 24 * 60 * 60 * 1000),
  };
}

export function hashSetPasswordToken(token: string) {
  return createHash('sha256').update(token).digest('hex');
}

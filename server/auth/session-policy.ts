// Isomorphic on purpose: proxy.ts and the auth config share these numbers.
export const sessionPolicy = {
  idleSeconds: 8 * 60 * 60,
  absoluteSeconds: 12 * 60 * 60,
  // How often an active session's idle deadline is pushed forward.
  refreshSeconds: 5 * 60,
} as const;

/** Whether a session that began at `signedInAt` (ms) has outlived its absolute lifetime. */
export function isPastAbsoluteLifetime(signedInAt: number | undefined, now = Date.now()) {
  return signedInAt === undefined || now - signedInAt > sessionPolicy.absoluteSeconds * 1000;
}

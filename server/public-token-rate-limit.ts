import 'server-only';
import { and, eq, lt, sql } from 'drizzle-orm';
import { db, type Transaction } from '@/db/client';
import { shareLinkRateLimits } from '@/db/schema';
import { clientAddressFrom } from '@/server/auth/client-ip';
import { hashAddress, hashShareToken, shareTokenPattern } from '@/server/proposals/share-token';

/** The limits of an address whose token is the permission (a share link, a calendar feed). */
export const publicTokenLimits = {
  windowMinutes: 15,
  /** Requests for tokens that do not exist, per client address. */
  guessesPerAddress: 50,
  /** Requests for one existing token, whoever sends them (page views, answers, feed polls). */
  requestsPerToken: 100,
} as const;

const windowMs = publicTokenLimits.windowMinutes * 60_000;

/** Counts one hit in `bucket`'s current window and returns the count so far, atomically. */
async function hit(tx: Transaction, bucket: string, windowStart: Date) {
  const [row] = await tx
    .insert(shareLinkRateLimits)
    .values({ bucket, windowStart, hits: 1 })
    .onConflictDoUpdate({
      target: [shareLinkRateLimits.bucket, shareLinkRateLimits.windowStart],
      set: { hits: sql`${shareLinkRateLimits.hits} + 1` },
    })
    .returning({ hits: shareLinkRateLimits.hits });
  // The first hit of a window clears the windows that can no longer count.
  if (row?.hits === 1) {
    await tx.delete(shareLinkRateLimits).where(lt(shareLinkRateLimits.windowStart, windowStart));
  }
  return row?.hits ?? 1;
}

async function hitsSoFar(tx: Transaction, bucket: string, windowStart: Date) {
  const [row] = await tx
    .select({ hits: shareLinkRateLimits.hits })
    .from(shareLinkRateLimits)
    .where(
      and(eq(shareLinkRateLimits.bucket, bucket), eq(shareLinkRateLimits.windowStart, windowStart)),
    );
  return row?.hits ?? 0;
}

export type PublicTokenKind = {
  /** Prefixes the counters' buckets, so each kind of token is limited on its own. */
  name: 'link' | 'feed';
  /** Whether a token with this hash exists (and still works). */
  exists: (tx: Transaction, tokenHash: string) => Promise<boolean>;
  refusal: string;
};

/**
 * An answer of HTTP 429 once a client address has asked for too many tokens of `kind` that do
 * not exist, or one token has been asked for too often, in the current window; null lets the
 * request through. An address over its limit is refused even for a real token, so the answer
 * never tells a guesser which of its guesses was right. The counters live in the database, so
 * every app instance counts together.
 */
export async function limitPublicTokenRequest(
  kind: PublicTokenKind,
  token: string,
  headers: Headers,
  now = new Date(),
): Promise<Response | null> {
  const tokenHash = shareTokenPattern.test(token) ? hashShareToken(token) : null;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const addressHash = hashAddress(clientAddressFrom(headers).rateLimitKey);
  // Share links kept their buckets' names from before feeds were limited too.
  const addressBucket = `${kind.name === 'link' ? '' : `${kind.name}-`}address:${addressHash}`;
  const limited = await db.transaction(async (tx) => {
    const known = tokenHash ? await kind.exists(tx, tokenHash) : false;
    if (!known || !tokenHash) {
      return (await hit(tx, addressBucket, windowStart)) > publicTokenLimits.guessesPerAddress;
    }
    if ((await hitsSoFar(tx, addressBucket, windowStart)) >= publicTokenLimits.guessesPerAddress) {
      return true;
    }
    return (
      (await hit(tx, `${kind.name}:${tokenHash}`, windowStart)) > publicTokenLimits.requestsPerToken
    );
  });
  if (!limited) return null;
  const retryAfter = Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000);
  return new Response(kind.refusal, {
    status: 429,
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
      'retry-after': String(retryAfter),
    },
  });
}

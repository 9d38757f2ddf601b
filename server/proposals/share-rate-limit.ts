import 'server-only';
import { and, eq, lt, sql } from 'drizzle-orm';
import { db, type Transaction } from '@/db/client';
import { proposals, shareLinkRateLimits } from '@/db/schema';
import { clientAddressFrom } from '@/server/auth/client-ip';
import { hashAddress, hashShareToken, shareTokenPattern } from './share-token';

export const shareLinkLimits = {
  windowMinutes: 15,
  /** Requests for links that do not exist, per client address. */
  guessesPerAddress: 50,
  /** Requests for one existing link, whoever sends them (page views, answers, beacons). */
  requestsPerLink: 100,
} as const;

const windowMs = shareLinkLimits.windowMinutes * 60_000;

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

/**
 * The rate limit of `/p/<token>`: an answer of HTTP 429 once a client address has asked for too
 * many links that do not exist, or one link has been asked for too often, in the current window;
 * null lets the request through. An address over its limit is refused even for a real link, so
 * the answer never tells a guesser which of its guesses was right.
 */
export async function limitShareLinkRequest(
  pathname: string,
  headers: Headers,
  now = new Date(),
): Promise<Response | null> {
  const token = pathname.split('/')[2] ?? '';
  const tokenHash = shareTokenPattern.test(token) ? hashShareToken(token) : null;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const addressBucket = `address:${hashAddress(clientAddressFrom(headers).rateLimitKey)}`;
  const limited = await db.transaction(async (tx) => {
    const [link] = tokenHash
      ? await tx
          .select({ id: proposals.id })
          .from(proposals)
          .where(eq(proposals.shareTokenHash, tokenHash))
          .limit(1)
      : [];
    if (!link || !tokenHash) {
      return (await hit(tx, addressBucket, windowStart)) > shareLinkLimits.guessesPerAddress;
    }
    if ((await hitsSoFar(tx, addressBucket, windowStart)) >= shareLinkLimits.guessesPerAddress) {
      return true;
    }
    return (await hit(tx, `link:${tokenHash}`, windowStart)) > shareLinkLimits.requestsPerLink;
  });
  if (!limited) return null;
  const retryAfter = Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000);
  return new Response('Too many requests for this link. Try again in a few minutes.', {
    status: 429,
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
      'retry-after': String(retryAfter),
    },
  });
}

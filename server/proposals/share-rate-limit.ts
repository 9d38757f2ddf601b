import 'server-only';
import { eq } from 'drizzle-orm';
import { proposals } from '@/db/schema';
import {
  limitPublicTokenRequest,
  publicTokenLimits,
  type PublicTokenKind,
} from '@/server/public-token-rate-limit';

export const shareLinkLimits = {
  windowMinutes: publicTokenLimits.windowMinutes,
  guessesPerAddress: publicTokenLimits.guessesPerAddress,
  requestsPerLink: publicTokenLimits.requestsPerToken,
} as const;

const shareLink: PublicTokenKind = {
  name: 'link',
  exists: async (tx, tokenHash) =>
    (
      await tx
        .select({ id: proposals.id })
        .from(proposals)
        .where(eq(proposals.shareTokenHash, tokenHash))
        .limit(1)
    ).length > 0,
  refusal: 'Too many requests for this link. Try again in a few minutes.',
};

/** The rate limit of `/p/<token>` (see limitPublicTokenRequest). */
export function limitShareLinkRequest(pathname: string, headers: Headers, now = new Date()) {
  return limitPublicTokenRequest(shareLink, pathname.split('/')[2] ?? '', headers, now);
}

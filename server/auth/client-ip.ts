import 'server-only';
import { remoteAddressHeader, remoteAddressStampedEnv } from '@/lib/remote-address';

export type ClientAddress = {
  /** The key the per-address sign-in limit counts under; never chosen by the client. */
  rateLimitKey: string;
  /**
   * The address the request came from: the trusted proxy's entry with TRUSTED_PROXY_HOPS=N,
   * the connection's peer otherwise. Null when the server cannot tell.
   */
  reported: string | null;
  /** What `X-Forwarded-For` claims beyond that, kept as a claim only. */
  forwardedFor: string | null;
};

const UNTRUSTED_CLIENTS = 'untrusted-direct';
const forwardedForLength = 255;

/** The peer address Accord's own server wrote into the request, when one of them serves it. */
function connectionAddress(headers: Headers) {
  if (process.env[remoteAddressStampedEnv] !== '1') return null;
  return headers.get(remoteAddressHeader)?.trim().slice(0, 64) || null;
}

/**
 * `X-Forwarded-For` is written by whoever sent the request, so only entries appended by our own
 * proxies can be believed: with TRUSTED_PROXY_HOPS=N the N-th address from the right is the
 * client. Without a trusted proxy the address is the connection's, which `npm start` and
 * `npm run dev` stamp into every request; the header is then only what the client claims.
 */
export function clientAddressFrom(headers: Headers): ClientAddress {
  const chain = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((part) => part.trim().slice(0, 64))
    .filter(Boolean);
  const hops = Number.parseInt(process.env.TRUSTED_PROXY_HOPS ?? '0', 10);
  const trusted = Number.isInteger(hops) && hops >= 1 ? chain.at(-hops) : undefined;
  const address = trusted ?? connectionAddress(headers);
  const claimed = trusted ? chain.slice(0, -hops) : chain;
  // Next fills an absent header with the peer address: that is no claim of the client's.
  const claim = claimed.length === 1 && claimed[0] === address ? [] : claimed;
  return {
    rateLimitKey: address ?? UNTRUSTED_CLIENTS,
    reported: address,
    forwardedFor: claim.join(', ').slice(0, forwardedForLength) || null,
  };
}

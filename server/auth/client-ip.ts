import 'server-only';

export type ClientAddress = {
  /** The key the per-address sign-in limit counts under; never chosen by the client. */
  rateLimitKey: string;
  /** The address to show in the audit log: trusted when a proxy is configured, as reported otherwise. */
  reported: string | null;
};

const UNTRUSTED_CLIENTS = 'untrusted-direct';

/**
 * `X-Forwarded-For` is written by whoever sent the request, so only entries appended by our own
 * proxies can be believed: with TRUSTED_PROXY_HOPS=N the N-th address from the right is the
 * client. Without a trusted proxy (Next itself only fills the header when it is absent) all direct
 * clients share one counter, rather than letting a forged header pick a fresh one.
 */
export function clientAddressFrom(headers: Headers): ClientAddress {
  const chain = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((part) => part.trim().slice(0, 64))
    .filter(Boolean);
  const hops = Number.parseInt(process.env.TRUSTED_PROXY_HOPS ?? '0', 10);
  if (Number.isInteger(hops) && hops >= 1) {
    const trusted = chain.at(-hops);
    if (trusted) return { rateLimitKey: trusted, reported: trusted };
  }
  return { rateLimitKey: UNTRUSTED_CLIENTS, reported: chain.at(-1) ?? null };
}

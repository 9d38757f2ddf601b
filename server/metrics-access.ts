import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Whether an Authorization header opens /api/metrics: `disabled` without METRICS_TOKEN, else
 * `allowed` for `Bearer <METRICS_TOKEN>`. Digests of equal length are compared in constant time,
 * so neither the token nor its length leaks through timing.
 */
export function metricsAccess(
  authorization: string | null,
  token = process.env.METRICS_TOKEN,
): 'disabled' | 'refused' | 'allowed' {
  if (!token) return 'disabled';
  const offered = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1] ?? '';
  return timingSafeEqual(digest(offered), digest(token)) ? 'allowed' : 'refused';
}

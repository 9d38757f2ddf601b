import { afterEach, describe, expect, it } from 'vitest';
import { clientAddressFrom } from '@/server/auth/client-ip';
import { isPastAbsoluteLifetime, sessionPolicy } from '@/server/auth/session-policy';

const headers = (forwardedFor?: string) =>
  new Headers(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {});

describe('the client address used by the sign-in limit', () => {
  afterEach(() => {
    delete process.env.TRUSTED_PROXY_HOPS;
  });

  it('ignores X-Forwarded-For when no proxy is trusted, so a forged header cannot pick a fresh counter', () => {
    expect(clientAddressFrom(headers('1.1.1.1')).rateLimitKey).toBe(
      clientAddressFrom(headers('2.2.2.2')).rateLimitKey,
    );
    expect(clientAddressFrom(headers()).rateLimitKey).toBe(
      clientAddressFrom(headers('3.3.3.3')).rateLimitKey,
    );
  });

  it('takes the address our proxy appended, not what the client wrote before it', () => {
    process.env.TRUSTED_PROXY_HOPS = '1';
    expect(clientAddressFrom(headers('6.6.6.6, 203.0.113.9')).rateLimitKey).toBe('203.0.113.9');
    process.env.TRUSTED_PROXY_HOPS = '2';
    expect(clientAddressFrom(headers('6.6.6.6, 203.0.113.9, 10.0.0.2')).rateLimitKey).toBe(
      '203.0.113.9',
    );
  });

  it('reports the address for the audit log', () => {
    expect(clientAddressFrom(headers('198.51.100.7')).reported).toBe('198.51.100.7');
    expect(clientAddressFrom(headers()).reported).toBeNull();
  });
});

describe('session lifetime', () => {
  it('ends a session 12 hours after sign-in, however active', () => {
    const start = Date.UTC(2026, 10, 28, 8);
    expect(isPastAbsoluteLifetime(start, start + 11 * 3600_000)).toBe(false);
    expect(isPastAbsoluteLifetime(start, start + 12 * 3600_000 + 1)).toBe(true);
    expect(isPastAbsoluteLifetime(undefined, start)).toBe(true);
  });

  it('expires after 8 idle hours', () => {
    expect(sessionPolicy.idleSeconds).toBe(8 * 3600);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { remoteAddressHeader, remoteAddressStampedEnv } from '@/lib/remote-address';
import { clientAddressFrom } from '@/server/auth/client-ip';
import { isPastAbsoluteLifetime, sessionPolicy } from '@/server/auth/session-policy';

const headers = (forwardedFor?: string, connection?: string) =>
  new Headers({
    ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
    ...(connection ? { [remoteAddressHeader]: connection } : {}),
  });

describe('the client address used by the sign-in limit', () => {
  afterEach(() => {
    delete process.env.TRUSTED_PROXY_HOPS;
    delete process.env[remoteAddressStampedEnv];
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

  it("takes the connection address Accord's server stamped, and X-Forwarded-For only as a claim", () => {
    process.env[remoteAddressStampedEnv] = '1';
    expect(clientAddressFrom(headers('6.6.6.6', '198.51.100.7'))).toEqual({
      rateLimitKey: '198.51.100.7',
      reported: '198.51.100.7',
      forwardedFor: '6.6.6.6',
    });
    // Next writes the peer address into an absent X-Forwarded-For: that is no claim.
    expect(clientAddressFrom(headers('198.51.100.7', '198.51.100.7')).forwardedFor).toBeNull();
    expect(clientAddressFrom(headers(undefined, '198.51.100.7')).forwardedFor).toBeNull();
  });

  it('does not believe a connection header no Accord server stamped', () => {
    expect(clientAddressFrom(headers('6.6.6.6', '198.51.100.7'))).toEqual({
      rateLimitKey: 'untrusted-direct',
      reported: null,
      forwardedFor: '6.6.6.6',
    });
  });

  it('keeps what the client wrote before the trusted hops as its claim', () => {
    process.env[remoteAddressStampedEnv] = '1';
    process.env.TRUSTED_PROXY_HOPS = '1';
    expect(clientAddressFrom(headers('6.6.6.6, 7.7.7.7, 203.0.113.9', '10.0.0.2'))).toEqual({
      rateLimitKey: '203.0.113.9',
      reported: '203.0.113.9',
      forwardedFor: '6.6.6.6, 7.7.7.7',
    });
    // Fewer entries than trusted hops: no proxy wrote one, so the connection is all we know.
    process.env.TRUSTED_PROXY_HOPS = '2';
    expect(clientAddressFrom(headers('6.6.6.6', '10.0.0.2'))).toMatchObject({
      reported: '10.0.0.2',
      forwardedFor: '6.6.6.6',
    });
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

import { describe, expect, it } from 'vitest';
import { usesSecureCookies } from '@/server/auth/secure-cookies';

describe('the session cookie Secure flag', () => {
  it('is set whenever Accord is served over https, by AUTH_URL or else APP_URL', () => {
    expect(usesSecureCookies({ AUTH_URL: 'https://accord.example.com' })).toBe(true);
    expect(usesSecureCookies({ APP_URL: 'https://accord.example.com' })).toBe(true);
    expect(usesSecureCookies({ AUTH_URL: 'http://localhost:3000' })).toBe(false);
    expect(
      usesSecureCookies({
        AUTH_URL: 'http://localhost:3000',
        APP_URL: 'https://accord.example.com',
      }),
    ).toBe(false);
  });

  it('is left to next-auth (the request protocol) when no URL is configured or it does not parse', () => {
    expect(usesSecureCookies({})).toBeUndefined();
    expect(usesSecureCookies({ AUTH_URL: 'not a url' })).toBeUndefined();
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { routePatternMatcher } from '@/lib/observability/route-patterns';
import { contentSecurityPolicy, frameRules, isHttpsRequest } from '@/lib/security-headers';
import { refuseOversizedBody } from '@/server/body-limit';
import { metricsAccess } from '@/server/metrics-access';

describe('metricsAccess', () => {
  it('hides the endpoint while METRICS_TOKEN is unset', () => {
    expect(metricsAccess('Bearer anything', undefined)).toBe('disabled');
    expect(metricsAccess(null, '')).toBe('disabled');
  });

  it('opens only for the exact bearer token', () => {
    expect(metricsAccess('Bearer right-token', 'right-token')).toBe('allowed');
    expect(metricsAccess('bearer right-token', 'right-token')).toBe('allowed');
    expect(metricsAccess('Bearer right-toke', 'right-token')).toBe('refused');
    expect(metricsAccess('Bearer right-token2', 'right-token')).toBe('refused');
    expect(metricsAccess('right-token', 'right-token')).toBe('refused');
    expect(metricsAccess('Basic cmlnaHQtdG9rZW4=', 'right-token')).toBe('refused');
    expect(metricsAccess(null, 'right-token')).toBe('refused');
  });
});

describe('routePatternMatcher', () => {
  const distDir = mkdtempSync(path.join(os.tmpdir(), 'accord-routes-'));
  writeFileSync(
    path.join(distDir, 'routes-manifest.json'),
    JSON.stringify({
      staticRoutes: [{ page: '/clients', regex: '^/clients(?:/)?$' }],
      dynamicRoutes: [
        { page: '/clients/[id]', regex: '^/clients/([^/]+?)(?:/)?$' },
        { page: '/p/[token]', regex: '^/p/([^/]+?)(?:/)?$' },
      ],
    }),
  );
  const routeOf = routePatternMatcher(distDir);

  it('names the route a path is served by, never the ids or tokens in it', () => {
    expect(routeOf('/clients')).toBe('/clients');
    expect(routeOf('/clients/')).toBe('/clients');
    expect(routeOf('/clients/4f1c')).toBe('/clients/[id]');
    expect(routeOf('/p/secret-token-value')).toBe('/p/[token]');
    expect(routeOf('/_next/static/chunks/app.js')).toBe('/_next/static');
    expect(routeOf('/no/such/page')).toBe('other');
  });

  it('puts every path under one label without a build', () => {
    expect(routePatternMatcher(path.join(distDir, 'missing'))('/clients/1')).toBe('other');
  });
});

describe('the security headers', () => {
  it('allow scripts only with the nonce, and no plugins, foreign forms, base or frames', () => {
    const policy = contentSecurityPolicy('bm9uY2U=', false);
    const scripts = policy.split('; ').find((directive) => directive.startsWith('script-src'));
    expect(scripts).toBe("script-src 'self' 'nonce-bm9uY2U=' 'strict-dynamic'");
    expect(policy).not.toContain('unsafe-eval');
    for (const directive of [
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "default-src 'self'",
    ]) {
      expect(policy).toContain(directive);
    }
    expect(contentSecurityPolicy('bm9uY2U=', false, ['https://sso.example'])).toContain(
      "form-action 'self' https://sso.example",
    );
    expect(frameRules(new URL('http://a.test/clients')).xFrameOptions).toBe('DENY');
    expect(frameRules(new URL('http://a.test/documents/1')).xFrameOptions).toBe('DENY');
    expect(frameRules(new URL('http://a.test/documents/1?inline=1'))).toEqual({
      xFrameOptions: 'SAMEORIGIN',
      ownPolicy: true,
    });
  });

  it('treat a request as HTTPS by the proxy’s X-Forwarded-Proto, else by its own URL', () => {
    const plain = new URL('http://127.0.0.1:3000/');
    expect(isHttpsRequest(plain, new Headers())).toBe(false);
    expect(isHttpsRequest(plain, new Headers({ 'x-forwarded-proto': 'https' }))).toBe(true);
    expect(isHttpsRequest(plain, new Headers({ 'x-forwarded-proto': 'https, http' }))).toBe(true);
    expect(isHttpsRequest(new URL('https://accord.example/'), new Headers())).toBe(true);
    expect(
      isHttpsRequest(
        new URL('https://accord.example/'),
        new Headers({ 'x-forwarded-proto': 'http' }),
      ),
    ).toBe(false);
  });
});

describe('refuseOversizedBody', () => {
  it('lets a body within the limit through, and a request without one', () => {
    expect(refuseOversizedBody(new Headers({ 'content-length': '1024' }), 1024)).toBeNull();
    expect(refuseOversizedBody(new Headers(), 1024)).toBeNull();
  });

  it('refuses a larger, undeclared or malformed size before reading it', () => {
    expect(refuseOversizedBody(new Headers({ 'content-length': '1025' }), 1024)?.status).toBe(413);
    expect(refuseOversizedBody(new Headers({ 'transfer-encoding': 'chunked' }), 1024)?.status).toBe(
      411,
    );
    expect(refuseOversizedBody(new Headers({ 'content-length': '-1' }), 1024)?.status).toBe(411);
  });
});

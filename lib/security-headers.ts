/**
 * The headers the proxy (proxy.ts) sets per request; next.config.ts sets the ones that never
 * change. Framing is decided here alone, so a route that may be framed is one rule to add.
 */

// Paths whose responses Accord's own pages may frame (same origin only); every other path
// refuses all framing.
const framableBySameOrigin: RegExp[] = [];

/** Who may put a response in a frame; CSP's frame-ancestors and X-Frame-Options agree. */
export function frameRules(pathname: string) {
  return framableBySameOrigin.some((pattern) => pattern.test(pathname))
    ? { frameAncestors: "'self'", xFrameOptions: 'SAMEORIGIN' }
    : { frameAncestors: "'none'", xFrameOptions: 'DENY' };
}

/** The page's policy: scripts only with this request's nonce, no plugins, no foreign forms. */
export function contentSecurityPolicy(nonce: string, pathname: string, isDev: boolean) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${isDev ? ' ws:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameRules(pathname).frameAncestors}`,
  ].join('; ');
}

/** Whether the browser reached Accord over HTTPS: directly, or through a proxy that says so. */
export function isHttpsRequest(url: URL, headers: Headers) {
  const forwarded = headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return forwarded ? forwarded === 'https' : url.protocol === 'https:';
}

/** Two years, subdomains included; sent only over HTTPS, where browsers heed it. */
export const strictTransportSecurity = 'max-age=63072000; includeSubDomains';

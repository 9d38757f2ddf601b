/**
 * The headers the proxy (proxy.ts) sets per request; next.config.ts sets the ones that never
 * change. Framing is decided here alone, so a route that may be framed is one rule to add.
 */

/** A file's in-page preview (`/documents/<id>?inline=1`), the one response Accord may frame. */
function isFilePreview(url: URL) {
  return /^\/documents\/[^/]+$/.test(url.pathname) && url.searchParams.get('inline') === '1';
}

/**
 * Who may put a response in a frame. Only a file preview may be framed, by Accord's own pages; it
 * answers with a policy of its own (server/documents/download.ts: nothing runs, `frame-ancestors
 * 'self'`), which the page policy must not replace. Everything else refuses every frame.
 */
export function frameRules(url: URL) {
  return isFilePreview(url)
    ? { xFrameOptions: 'SAMEORIGIN', ownPolicy: true }
    : { xFrameOptions: 'DENY', ownPolicy: false };
}

/** The page's policy: scripts only with this request's nonce, no plugins, no foreign forms, no frames. */
export function contentSecurityPolicy(nonce: string, isDev: boolean, formTargets: string[] = []) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${isDev ? ' ws:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    ["form-action 'self'", ...formTargets].join(' '),
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Whether the browser reached Accord over HTTPS: directly, or through a proxy that says so. */
export function isHttpsRequest(url: URL, headers: Headers) {
  const forwarded = headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return forwarded ? forwarded === 'https' : url.protocol === 'https:';
}

/** Two years, subdomains included; sent only over HTTPS, where browsers heed it. */
export const strictTransportSecurity = 'max-age=63072000; includeSubDomains';

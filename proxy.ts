import { NextResponse, type NextRequest } from 'next/server';
import {
  isDueForRefresh,
  readSessionCookie,
  reissueSessionCookie,
} from '@/server/auth/session-cookie';
import { sessionPolicy } from '@/server/auth/session-policy';
import { limitShareLinkRequest } from '@/server/proposals/share-rate-limit';

// `/p/<token>`: a proposal shared with a client, who has no account; the token is the permission.
// `/calendar/feed/<token>.ics`: a calendar app subscribes with no session; the token is the permission.
const publicPaths = [
  '/sign-in',
  '/set-password',
  '/api/health',
  '/api/auth',
  '/p',
  '/calendar/feed',
];

function contentSecurityPolicy(nonce: string) {
  const isDev = process.env.NODE_ENV !== 'production';
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
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Sets the per-request CSP nonce and sends signed-out visitors to the sign-in page. It is a
 * convenience only: every page, query and action checks the user itself. It also slides an
 * active session's idle deadline forward, re-issuing the cookie at most every few minutes
 * (next-auth's own wrapper re-issued it, and two more cookies, on every request).
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // Only here can a page's request be answered with a status of its own (429).
  if (pathname.startsWith('/p/')) {
    const refusal = await limitShareLinkRequest(pathname, request.headers);
    if (refusal) return refusal;
  }
  const isPublic = publicPaths.some((path) => pathname === path || pathname.startsWith(`${path}/`));
  const session = await readSessionCookie((name) => request.cookies.get(name)?.value);
  if (!isPublic && !session) {
    const signIn = new URL('/sign-in', request.url);
    if (pathname !== '/') signIn.searchParams.set('from', `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  // A file's in-page preview answers with its own policy, which runs nothing and lets only
  // Accord's pages frame it; this one would forbid the frame.
  const isFilePreview =
    /^\/documents\/[^/]+$/.test(pathname) && request.nextUrl.searchParams.get('inline') === '1';
  if (!isFilePreview) response.headers.set('content-security-policy', policy);
  if (!isPublic || pathname.startsWith('/p/')) {
    response.headers.set('cache-control', 'private, no-store');
  }
  if (session && !pathname.startsWith('/api/auth') && isDueForRefresh(session.payload)) {
    response.cookies.set(session.name, await reissueSessionCookie(session), {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: session.name.startsWith('__Secure-'),
      maxAge: sessionPolicy.idleSeconds,
    });
  }
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg).*)'],
};

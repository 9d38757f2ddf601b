import { NextResponse, type NextRequest } from 'next/server';
import {
  isDueForRefresh,
  readSessionCookie,
  reissueSessionCookie,
} from '@/server/auth/session-cookie';
import { sessionPolicy } from '@/server/auth/session-policy';
import {
  contentSecurityPolicy,
  frameRules,
  isHttpsRequest,
  strictTransportSecurity,
} from '@/lib/security-headers';
import { serverActionBodyLimitMb } from '@/lib/request-limits';
import { refuseOversizedBody } from '@/server/body-limit';
import { companySignInConfig } from '@/server/auth/company-sign-in-config';
import { limitCalendarFeedRequest } from '@/server/meetings/feed-rate-limit';
import { limitShareLinkRequest } from '@/server/proposals/share-rate-limit';

// `/p/<token>`: a proposal shared with a client, who has no account; the token is the permission.
// `/calendar/feed/<token>.ics`: a calendar app subscribes with no session; the token is the permission.
const publicPaths = [
  '/sign-in',
  '/set-password',
  '/api/health',
  // Guarded by its own bearer token (METRICS_TOKEN), for a scraper with no session.
  '/api/metrics',
  '/api/auth',
  '/p',
  '/calendar/feed',
];

const uploadPath = '/documents/upload';

// Signing in with the company's provider posts a form answered by a redirect to that provider.
const companyIssuer = companySignInConfig()?.issuer;
const formTargets = companyIssuer ? [new URL(companyIssuer).origin] : [];

/** The headers of every answer from here: framing, and HSTS when the browser came over HTTPS. */
function withTransportHeaders(response: NextResponse, request: NextRequest) {
  response.headers.set('x-frame-options', frameRules(request.nextUrl).xFrameOptions);
  if (isHttpsRequest(request.nextUrl, request.headers)) {
    response.headers.set('strict-transport-security', strictTransportSecurity);
  }
  return response;
}

/**
 * Sets the per-request CSP nonce and sends signed-out visitors to the sign-in page. It is a
 * convenience only: every page, query and action checks the user itself. It also slides an
 * active session's idle deadline forward, re-issuing the cookie at most every few minutes
 * (next-auth's own wrapper re-issued it, and two more cookies, on every request).
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // A server action's body is refused by its declared size, before a byte is read or parsed; the
  // upload route streams a file under a limit of its own.
  if (request.method === 'POST' && pathname !== uploadPath) {
    const tooLarge = refuseOversizedBody(request.headers, serverActionBodyLimitMb * 1024 * 1024);
    if (tooLarge) return tooLarge;
  }
  // Only here can a page's request be answered with a status of its own (429); the feed is
  // limited here too, beside the share page, so both count the same way.
  const limit = pathname.startsWith('/p/')
    ? limitShareLinkRequest
    : pathname.startsWith('/calendar/feed/')
      ? limitCalendarFeedRequest
      : null;
  const refusal = limit && (await limit(pathname, request.headers));
  if (refusal) return refusal;
  const isPublic = publicPaths.some((path) => pathname === path || pathname.startsWith(`${path}/`));
  const session = await readSessionCookie((name) => request.cookies.get(name)?.value);
  if (!isPublic && !session) {
    const signIn = new URL('/sign-in', request.url);
    if (pathname !== '/') signIn.searchParams.set('from', `${pathname}${search}`);
    return withTransportHeaders(NextResponse.redirect(signIn), request);
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV !== 'production', formTargets);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  if (!frameRules(request.nextUrl).ownPolicy)
    response.headers.set('content-security-policy', policy);
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
  return withTransportHeaders(response, request);
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg).*)'],
};

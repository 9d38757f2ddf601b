import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { headers } from 'next/headers';
import { logger } from '@/lib/observability/logger';
import { clientAddressFrom } from './client-ip';
import { usesSecureCookies } from './secure-cookies';
import { findSessionUser } from './session';
import { isPastAbsoluteLifetime, sessionPolicy } from './session-policy';
import { authenticate } from './sign-in';
import { revokeSessions } from './sign-out';

class RateLimitedSignIn extends CredentialsSignin {
  code = 'rate_limited';
}

// A function of the request, so the sign-out event knows where the request came from: the route
// handlers pass it, server actions (signIn, signOut) do not and read it from next/headers.
export const { handlers, signIn, signOut } = NextAuth((request) => ({
  session: {
    strategy: 'jwt',
    maxAge: sessionPolicy.idleSeconds,
    updateAge: sessionPolicy.refreshSeconds,
  },
  useSecureCookies: usesSecureCookies(),
  pages: { signIn: '/sign-in' },
  // A wrong password is an expected outcome, recorded in the audit log; not a server error.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin) return;
      logger.error({ err: error }, 'sign-in failed');
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: 'Email' }, password: { label: 'Password' } },
      async authorize(credentials, signInRequest) {
        const outcome = await authenticate(credentials, clientAddressFrom(signInRequest.headers));
        if (outcome.ok) return outcome.user;
        if (outcome.reason === 'rate_limited') throw new RateLimitedSignIn();
        return null;
      },
    }),
  ],
  events: {
    // Both the user menu's sign-out and next-auth's own POST /api/auth/signout end up here.
    async signOut(message) {
      const token = 'token' in message ? message.token : null;
      if (!token?.sub || token.sessionVersion === undefined) return;
      await revokeSessions(
        { userId: token.sub, sessionVersion: token.sessionVersion },
        clientAddressFrom(request?.headers ?? (await headers())),
      );
    },
  },
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = user.role;
        token.sessionVersion = user.sessionVersion;
        token.signedInAt = Date.now();
        return token;
      }
      if (isPastAbsoluteLifetime(token.signedInAt)) return null;
      // GET /api/auth/session answers with the user and a fresh cookie: only for a live session.
      if (!token.sub || token.sessionVersion === undefined) return null;
      const current = await findSessionUser({
        sub: token.sub,
        sessionVersion: token.sessionVersion,
      });
      if (!current) return null;
      return { ...token, name: current.name, email: current.email, role: current.role };
    },
    session({ session, token }) {
      if (token.sub && token.role && token.sessionVersion !== undefined) {
        session.user.id = token.sub;
        session.user.role = token.role;
        session.user.sessionVersion = token.sessionVersion;
      }
      return session;
    },
  },
}));

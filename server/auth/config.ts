import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import type { Provider } from 'next-auth/providers';
import { companySignInErrorParam } from '@/lib/company-sign-in';
import { headers } from 'next/headers';
import { logger } from '@/lib/observability/logger';
import { clientAddressFrom } from './client-ip';
import { authenticateCompanyUser, findCompanySignInUser } from './company-sign-in';
import { companySignInConfig, companySignInProviderId } from './company-sign-in-config';
import { usesSecureCookies } from './secure-cookies';
import { findSessionUser } from './session';
import { isPastAbsoluteLifetime, sessionPolicy } from './session-policy';
import { authenticate } from './sign-in';
import { revokeSessions } from './sign-out';

class RateLimitedSignIn extends CredentialsSignin {
  code = 'rate_limited';
}

class CompanySignInRequired extends CredentialsSignin {
  code = 'company_sign_in_required';
}

/** The company's OIDC provider when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set. */
function companySignInProviders(): Provider[] {
  const config = companySignInConfig();
  if (!config) return [];
  return [
    {
      id: companySignInProviderId,
      name: config.name,
      type: 'oidc',
      issuer: config.issuer,
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      checks: ['pkce', 'state', 'nonce'],
    },
  ];
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
  // Failures of company sign-in (a tampered state, a provider that is down) land on the sign-in page.
  pages: { signIn: '/sign-in', error: '/sign-in' },
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
        if (outcome.reason === 'company_sign_in_required') throw new CompanySignInRequired();
        return null;
      },
    }),
    ...companySignInProviders(),
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
    async signIn({ account, profile }) {
      if (account?.provider !== companySignInProviderId) return true;
      const outcome = await authenticateCompanyUser(
        {
          subject: account.providerAccountId,
          email: profile?.email,
          emailVerified: profile?.email_verified,
          name: profile?.name,
        },
        clientAddressFrom(request?.headers ?? (await headers())),
      );
      return outcome.ok || `/sign-in?error=${companySignInErrorParam(outcome.reason)}`;
    },
    async jwt({ token, user, account }) {
      if (account?.provider === companySignInProviderId) {
        const linked = await findCompanySignInUser(account.providerAccountId);
        if (!linked) return null;
        user = linked;
      }
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

import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { clientAddressFrom } from './client-ip';
import { isPastAbsoluteLifetime, sessionPolicy } from './session-policy';
import { authenticate } from './sign-in';

export class RateLimitedSignIn extends CredentialsSignin {
  code = 'rate_limited';
}

export const { handlers, signIn, signOut } = NextAuth({
  session: {
    strategy: 'jwt',
    maxAge: sessionPolicy.idleSeconds,
    updateAge: sessionPolicy.refreshSeconds,
  },
  pages: { signIn: '/sign-in' },
  // A wrong password is an expected outcome, recorded in the audit log; not a server error.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin) return;
      console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: 'Email' }, password: { label: 'Password' } },
      async authorize(credentials, request) {
        const outcome = await authenticate(credentials, clientAddressFrom(request.headers));
        if (outcome.ok) return outcome.user;
        if (outcome.reason === 'rate_limited') throw new RateLimitedSignIn();
        return null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = user.role;
        token.sessionVersion = user.sessionVersion;
        token.signedInAt = Date.now();
      }
      if (isPastAbsoluteLifetime(token.signedInAt)) return null;
      return token;
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
});

import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration, type JWK, type KoaContextWithOIDC } from 'oidc-provider';

/** A person at the test provider: they sign in on its login page by typing their `sub`. */
export type OidcAccount = {
  sub: string;
  email: string;
  emailVerified: boolean;
  name?: string;
};

type Options = {
  /** Where the app receives the provider's answer, e.g. http://127.0.0.1:3101/api/auth/callback/company. */
  redirectUri: string;
  accounts: OidcAccount[];
  clientId?: string;
  clientSecret?: string;
};

/**
 * A real OpenID Connect provider (oidc-provider) on loopback, with one confidential client for the
 * app and accounts whose claims the test chooses. Its ID token carries the e-mail claims, as a
 * company provider's does. The login page takes any password.
 */
export async function startOidcProvider({
  redirectUri,
  accounts,
  clientId = 'accord-test',
  clientSecret = 'accord-test-client-secret-long-enough',
}: Options) {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
    format: 'jwk',
  });

  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [{ ...signingKey, alg: 'RS256', use: 'sig', kid: 'test' } as JWK] },
    cookies: { keys: ['accord-test-oidc-cookie-key-0001'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // Put the scopes' claims into the ID token itself, where next-auth reads them.
    conformIdTokenClaims: false,
    async findAccount(_context, sub) {
      const account = accounts.find((candidate) => candidate.sub === sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: () => ({
          sub: account.sub,
          email: account.email,
          email_verified: account.emailVerified,
          name: account.name,
        }),
      };
    },
    // Every client is the company's own: no consent screen after the login page.
    async loadExistingGrant(context: KoaContextWithOIDC) {
      const { client, session } = context.oidc;
      if (!client || !session?.accountId) return undefined;
      const grantId = session.grantIdFor(client.clientId);
      if (grantId) return context.oidc.provider.Grant.find(grantId);
      const grant = new context.oidc.provider.Grant({
        clientId: client.clientId,
        accountId: session.accountId,
      });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  };
  const provider = new Provider(issuer, configuration);
  server.on('request', provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

import 'server-only';

export type CompanySignInConfig = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** What the button says after "Sign in with". */
  name: string;
};

/** next-auth's id for the company's OIDC provider: its callback is /api/auth/callback/company. */
export const companySignInProviderId = 'company';

/** The company's OIDC provider from OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET; null unless all three are set. */
export function companySignInConfig(
  env: Record<string, string | undefined> = process.env,
): CompanySignInConfig | null {
  const issuer = env.OIDC_ISSUER?.trim();
  const clientId = env.OIDC_CLIENT_ID?.trim();
  const clientSecret = env.OIDC_CLIENT_SECRET?.trim();
  if (!issuer || !clientId || !clientSecret) return null;
  return {
    // Exactly as given: the provider's discovery document must name the same issuer.
    issuer,
    clientId,
    clientSecret,
    name: env.OIDC_NAME?.trim() || 'company sign-in',
  };
}

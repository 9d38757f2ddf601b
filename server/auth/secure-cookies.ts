import 'server-only';

/**
 * Whether the session cookie must carry `Secure`: whenever Accord's own URL (AUTH_URL, else
 * APP_URL) is https, even behind a proxy that reaches it over plain http. Undefined leaves
 * next-auth to judge by the request.
 */
export function usesSecureCookies(
  env: Record<string, string | undefined> = process.env,
): boolean | undefined {
  const url = env.AUTH_URL || env.APP_URL;
  if (!url) return undefined;
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return undefined;
  }
}

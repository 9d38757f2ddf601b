/** Why a company sign-in was refused; the sign-in page shows the message for `?error=company_<reason>`. */
export const companySignInRefusals = {
  unverified:
    'Your company account has no verified e-mail address. Ask your IT team to verify it, then try again.',
  unknown:
    'There is no Accord user with your company e-mail address. Ask a manager to add you, then try again.',
  deactivated: 'Your Accord user is deactivated. Ask a manager if you need access again.',
  subject_mismatch:
    'This Accord user is linked to a different company account. Ask a manager to check your user.',
} as const;

export type CompanySignInRefusal = keyof typeof companySignInRefusals;

const errorPrefix = 'company_';

/** The sign-in page's `error` value for a refusal. */
export function companySignInErrorParam(reason: CompanySignInRefusal) {
  return `${errorPrefix}${reason}`;
}

/**
 * The message for the sign-in page's `error` parameter: a refusal of ours, or any other failure
 * next-auth reports (a tampered state, a provider that is down), which reads the same to the user.
 */
export function signInErrorMessage(error: string | undefined): string | null {
  if (!error) return null;
  const reason = error.startsWith(errorPrefix) ? error.slice(errorPrefix.length) : '';
  if (reason in companySignInRefusals) return companySignInRefusals[reason as CompanySignInRefusal];
  return 'Company sign-in did not complete. Try again, or sign in with your password.';
}

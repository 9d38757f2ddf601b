'use server';

import { AuthError } from 'next-auth';
import { safeRedirectPath } from '@/lib/safe-redirect';
import { signInSchema } from '@/lib/validation/users';
import type { ActionResult } from '@/lib/action-result';
import { formDataToObject, invalidInput } from '@/lib/form-data';
import { companySignInConfig, companySignInProviderId } from './company-sign-in-config';
import { signIn, signOut } from './config';

export type SignInState = Extract<ActionResult<never>, { ok: false }> | null;

export async function signInWithPassword(
  _previous: SignInState,
  formData: FormData,
): Promise<SignInState> {
  const raw = formDataToObject(formData);
  const values = { email: raw.email ?? '' };
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success)
    return { ...invalidInput(parsed.error, raw), error: 'Enter your email and password.' };
  try {
    await signIn('credentials', {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeRedirectPath(raw.from),
    });
    return null;
  } catch (error) {
    // Anything that is not an auth failure, including Next's redirect after success, goes on up.
    if (!(error instanceof AuthError)) throw error;
    const code = error.type === 'CredentialsSignin' && 'code' in error ? error.code : null;
    if (code === 'rate_limited') {
      return {
        ok: false,
        error: 'Too many failed sign-in attempts. Wait 15 minutes, then try again.',
        values,
      };
    }
    if (code === 'company_sign_in_required') {
      const name = companySignInConfig()?.name ?? 'company sign-in';
      return {
        ok: false,
        error: `Your team signs in with ${name}, not a password: use “Sign in with ${name}”.`,
        values,
      };
    }
    return { ok: false, error: 'Invalid email or password.', values };
  }
}

/** The sign-in page's company button: off to the company's provider, back to `from` afterwards. */
export async function signInWithCompany(formData: FormData) {
  await signIn(companySignInProviderId, {
    redirectTo: safeRedirectPath(formDataToObject(formData).from),
  });
}

/** The user menu's sign-out: next-auth's sign-out event revokes the session (see config.ts). */
export async function signOutOfAccord() {
  await signOut({ redirectTo: '/sign-in' });
}

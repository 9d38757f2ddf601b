import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { CompanySignInForm } from '@/components/auth/company-sign-in-form';
import { SignInForm } from '@/components/auth/sign-in-form';
import { FormError } from '@/components/ui/form-message';
import { signInErrorMessage } from '@/lib/company-sign-in';
import { safeRedirectPath } from '@/lib/safe-redirect';
import { companySignInConfig } from '@/server/auth/company-sign-in-config';
import { getCurrentUser } from '@/server/auth/session';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ from?: string; error?: string }>;
}) {
  const [user, { from, error }] = await Promise.all([getCurrentUser(), searchParams]);
  if (user) redirect(safeRedirectPath(from));
  const company = companySignInConfig();
  const returnTo = from ? safeRedirectPath(from) : undefined;
  return (
    <>
      <h1 className="mb-1 text-lg font-semibold">Sign in to Accord</h1>
      <p className="mb-5 text-sm text-slate-600">
        {company
          ? `Sign in with ${company.name}, or with the email and password your manager gave you.`
          : 'Use the email and password your manager gave you.'}
      </p>
      {company ? (
        <div className="mb-5 space-y-4 border-b border-slate-200 pb-5">
          <FormError message={signInErrorMessage(error)} />
          <CompanySignInForm name={company.name} from={returnTo} />
        </div>
      ) : null}
      <SignInForm from={returnTo} />
    </>
  );
}

import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { safeRedirectPath } from '@/lib/safe-redirect';
import { getCurrentUser } from '@/server/auth/session';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ from?: string }>;
}) {
  const [user, { from }] = await Promise.all([getCurrentUser(), searchParams]);
  if (user) redirect(safeRedirectPath(from));
  return (
    <>
      <h1 className="mb-1 text-lg font-semibold">Sign in to Accord</h1>
      <p className="mb-5 text-sm text-slate-600">
        Use the email and password your manager gave you.
      </p>
      <SignInForm from={from ? safeRedirectPath(from) : undefined} />
    </>
  );
}

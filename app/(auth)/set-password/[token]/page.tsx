import type { Metadata } from 'next';
import { SetPasswordForm } from '@/components/auth/set-password-form';

export const metadata: Metadata = { title: 'Set your password', referrer: 'no-referrer' };

export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <>
      <h1 className="mb-1 text-lg font-semibold">Set your password</h1>
      <p className="mb-5 text-sm text-slate-600">
        Choose the password you will sign in to Accord with.
      </p>
      <SetPasswordForm token={token} />
    </>
  );
}

import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ChangePasswordForm } from '@/components/profile/change-password-form';
import { signOutOfAccord } from '@/server/auth/actions';
import { getCurrentUser } from '@/server/auth/session';

export const metadata: Metadata = { title: 'Choose your password' };

/** Where every page sends someone signed in with a temporary password, until they choose one. */
export default async function ChangePasswordPage() {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in');
  if (!user.mustChangePassword) redirect('/');
  return (
    <>
      <h1 className="mb-1 text-lg font-semibold">Choose your password</h1>
      <p className="mb-5 text-sm text-slate-600">
        You signed in with a temporary password. Choose your own to continue to Accord.
      </p>
      <ChangePasswordForm continueTo="/" currentLabel="Temporary password" />
      <form action={signOutOfAccord} className="mt-4">
        <button type="submit" className="text-sm text-slate-600 underline">
          Sign out
        </button>
      </form>
    </>
  );
}

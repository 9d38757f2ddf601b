import { SubmitButton } from '@/components/ui/submit-button';
import { signInWithCompany } from '@/server/auth/actions';

/** "Sign in with <provider>": hands the visitor to the company's OIDC provider. */
export function CompanySignInForm({ name, from }: { name: string; from?: string }) {
  return (
    <form action={signInWithCompany}>
      {from ? <input type="hidden" name="from" value={from} /> : null}
      <SubmitButton variant="secondary" pendingLabel="Opening sign-in…" className="w-full">
        Sign in with {name}
      </SubmitButton>
    </form>
  );
}

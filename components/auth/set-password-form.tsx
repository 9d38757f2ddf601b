'use client';

import Link from 'next/link';
import { setPassword } from '@/server/users/actions';
import { Field, fieldAria, Input } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import { setPasswordSchema } from '@/lib/validation/users';

export function SetPasswordForm({ token }: { token: string }) {
  const [state, formAction] = useFormAction(setPassword, { schema: setPasswordSchema });
  if (state?.ok) {
    return (
      <div className="space-y-4">
        <p role="status" className="text-sm text-slate-700">
          Your password is set. You can sign in with it now.
        </p>
        <Link href="/sign-in" className="text-sm font-medium text-brand-700 underline">
          Go to sign in
        </Link>
      </div>
    );
  }
  const errors = state?.ok === false ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormError message={state?.ok === false ? state.error : null} />
      <input type="hidden" name="token" value={token} />
      <Field
        id="password"
        label="New password"
        error={errors.password}
        hint="At least 8 characters, and not a common password."
      >
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          {...fieldAria('password', errors.password, true)}
        />
      </Field>
      <Field id="confirmPassword" label="Confirm password" error={errors.confirmPassword}>
        <Input
          id="confirmPassword"
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          required
          {...fieldAria('confirmPassword', errors.confirmPassword)}
        />
      </Field>
      <SubmitButton pendingLabel="Saving…" className="w-full">
        Set password
      </SubmitButton>
    </form>
  );
}

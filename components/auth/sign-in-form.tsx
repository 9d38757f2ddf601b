'use client';

import { useActionState } from 'react';
import { signInWithPassword } from '@/server/auth/actions';
import { Field, fieldAria, Input } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';

export function SignInForm({ from }: { from?: string }) {
  const [state, formAction] = useActionState(signInWithPassword, null);
  const errors = state?.fieldErrors ?? {};
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormError message={state?.error} />
      {from ? <input type="hidden" name="from" value={from} /> : null}
      <Field id="email" label="Email" error={errors.email}>
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus
          defaultValue={state?.values?.email}
          {...fieldAria('email', errors.email)}
        />
      </Field>
      <Field id="password" label="Password" error={errors.password}>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          {...fieldAria('password', errors.password)}
        />
      </Field>
      <SubmitButton pendingLabel="Signing in…" className="w-full">
        Sign in
      </SubmitButton>
    </form>
  );
}

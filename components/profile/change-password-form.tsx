'use client';

import { useEffect } from 'react';
import { FormError } from '@/components/ui/form-message';
import { TextField } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import { changePasswordSchema } from '@/lib/validation/profile';
import { changePassword } from '@/server/profile/actions';

type ChangePasswordFormProps = {
  /** Where to go once the password is changed; without it, the form stays and says so. */
  continueTo?: string;
  currentLabel?: string;
};

/** Current password, then the new one twice; other sessions end, this one stays signed in. */
export function ChangePasswordForm({
  continueTo,
  currentLabel = 'Current password',
}: ChangePasswordFormProps) {
  const [state, formAction] = useFormAction(changePassword, {
    schema: changePasswordSchema,
    successMessage: () => 'Your password is changed. Your other sessions have been signed out.',
  });
  useEffect(() => {
    // A full load, so every page is rendered afresh for a user who may now open them.
    if (state?.ok && continueTo) window.location.assign(continueTo);
  }, [state, continueTo]);
  const errors = state?.ok === false ? (state.fieldErrors ?? {}) : {};
  return (
    <form
      action={formAction}
      key={state?.ok ? 'saved' : 'editing'}
      className="max-w-sm space-y-4"
      noValidate
    >
      <FormError message={state?.ok === false ? state.error : null} />
      {state?.ok && !continueTo ? (
        <p role="status" className="text-sm text-emerald-800">
          Your password is changed. Your other sessions have been signed out.
        </p>
      ) : null}
      <TextField
        id="currentPassword"
        name="currentPassword"
        type="password"
        label={currentLabel}
        autoComplete="current-password"
        required
        error={errors.currentPassword}
      />
      <TextField
        id="password"
        name="password"
        type="password"
        label="New password"
        autoComplete="new-password"
        required
        minLength={8}
        hint="At least 8 characters, and not a common password."
        error={errors.password}
      />
      <TextField
        id="confirmPassword"
        name="confirmPassword"
        type="password"
        label="Confirm new password"
        autoComplete="new-password"
        required
        error={errors.confirmPassword}
      />
      <SubmitButton pendingLabel="Saving…">Change password</SubmitButton>
    </form>
  );
}

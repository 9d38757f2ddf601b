'use client';

import type { ReactNode } from 'react';
import type { z } from 'zod';
import { ActionError } from '@/components/ui/action-error';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import type { FieldErrors, FormAction } from '@/lib/action-result';

/** What a settings form's fields show after a refused save. */
export type SettingsFormFields = {
  errors: FieldErrors;
  values: Record<string, string> | undefined;
};

/** An Admin → Settings form: checked by its schema, a toast on save, reset to the saved settings. */
export function SettingsForm<T>({
  action,
  schema,
  savedMessage,
  settings,
  submitLabel,
  children,
}: {
  action: FormAction<T>;
  schema: z.ZodType;
  savedMessage: string;
  /** The saved settings: the form starts again from them after each save. */
  settings: object;
  submitLabel: string;
  children: (fields: SettingsFormFields) => ReactNode;
}) {
  const [state, formAction] = useFormAction(action, {
    schema,
    successMessage: () => savedMessage,
  });
  const errors = state?.ok === false ? (state.fieldErrors ?? {}) : {};
  const values = state?.ok === false ? state.values : undefined;
  return (
    <form
      action={formAction}
      key={JSON.stringify(settings)}
      className="grid max-w-xl gap-4"
      noValidate
    >
      <ActionError state={state} />
      {children({ errors, values })}
      <div>
        <SubmitButton pendingLabel="Saving…">{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}

'use client';

import Link from 'next/link';
import { useState } from 'react';
import { buttonClasses } from '@/components/ui/button';
import { Field, fieldAria, Input, Select } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import type { FieldErrors } from '@/lib/action-result';
import { RoleOptions } from './role-options';
import { addUserSchema } from '@/lib/validation/users';
import { addUser } from '@/server/users/actions';
import { TimeZoneField } from '@/components/profile/time-zone-field';
import { OneTimeLink } from './one-time-link';

type FieldsProps = {
  values: Record<string, string>;
  errors: FieldErrors;
  timeZones: string[];
  defaultTimeZone: string;
};

/**
 * The form's fields, uncontrolled and seeded from the last submission. React resets a form after
 * its action runs; remounting with the submitted values as defaults keeps what was typed.
 */
function AddUserFields({ values, errors, timeZones, defaultTimeZone }: FieldsProps) {
  const [passwordMode, setPasswordMode] = useState(values.passwordMode ?? 'link');
  return (
    <>
      <Field id="name" label="Name" error={errors.name}>
        <Input
          id="name"
          name="name"
          required
          maxLength={120}
          defaultValue={values.name}
          {...fieldAria('name', errors.name)}
        />
      </Field>
      <Field id="email" label="Email" error={errors.email}>
        <Input
          id="email"
          name="email"
          type="email"
          required
          defaultValue={values.email}
          {...fieldAria('email', errors.email)}
        />
      </Field>
      <Field id="role" label="Role" error={errors.role}>
        <Select
          id="role"
          name="role"
          defaultValue={values.role ?? 'coordinator'}
          {...fieldAria('role', errors.role)}
        >
          <RoleOptions />
        </Select>
      </Field>
      <TimeZoneField
        timeZones={timeZones}
        defaultValue={values.timeZone ?? defaultTimeZone}
        error={errors.timeZone}
      />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">Password</legend>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="radio"
            name="passwordMode"
            value="link"
            defaultChecked={passwordMode === 'link'}
            onChange={() => setPasswordMode('link')}
          />
          Create a one-time link for them to set their own
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="radio"
            name="passwordMode"
            value="temporary"
            defaultChecked={passwordMode === 'temporary'}
            onChange={() => setPasswordMode('temporary')}
          />
          Set a temporary password now
        </label>
      </fieldset>
      {passwordMode === 'temporary' ? (
        <Field
          id="password"
          label="Temporary password"
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
      ) : null}
    </>
  );
}

/** `defaultTimeZone`: the manager's own, the likeliest zone of someone joining their team. */
export function AddUserForm({
  timeZones,
  defaultTimeZone,
}: {
  timeZones: string[];
  defaultTimeZone: string;
}) {
  const [state, formAction] = useFormAction(addUser, {
    schema: addUserSchema,
    successMessage: (data) => `${data.name} was added.`,
  });

  if (state?.ok) {
    return (
      <div className="space-y-4">
        <p role="status" className="text-sm text-slate-800">
          <strong>{state.data.name}</strong> was added.
          {state.data.setPasswordToken
            ? ''
            : ' They can sign in with the temporary password you chose.'}
        </p>
        {state.data.setPasswordToken ? <OneTimeLink token={state.data.setPasswordToken} /> : null}
        <div className="flex gap-3">
          <Link href={`/admin/users/${state.data.id}`} className={buttonClasses('secondary')}>
            View user
          </Link>
          <Link href="/admin/users" className={buttonClasses('ghost')}>
            Back to users
          </Link>
        </div>
      </div>
    );
  }

  const values = state?.values ?? {};
  return (
    <form action={formAction} className="max-w-lg space-y-4" noValidate>
      <FormError message={state?.error} />
      <AddUserFields
        key={JSON.stringify(values)}
        values={values}
        errors={state?.fieldErrors ?? {}}
        timeZones={timeZones}
        defaultTimeZone={defaultTimeZone}
      />
      <SubmitButton pendingLabel="Adding…">Add user</SubmitButton>
    </form>
  );
}

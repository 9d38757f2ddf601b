'use client';

import { Card } from '@/components/ui/card';
import { ConfirmSubmit } from '@/components/ui/confirm-submit';
import { Field, fieldAria, Select } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import type { Role } from '@/lib/roles';
import { RoleOptions } from './role-options';
import { changeRole, createSetPasswordLink, setUserActive } from '@/server/users/actions';
import { OneTimeLink } from './one-time-link';

type PanelUser = { id: string; name: string; role: Role; active: boolean };

function RoleForm({ user }: { user: PanelUser }) {
  const [state, formAction] = useFormAction(changeRole, { successMessage: () => 'Role updated.' });
  const errors = state?.ok === false ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="space-y-3">
      <FormError message={state?.ok === false ? state.error : null} />
      <input type="hidden" name="userId" value={user.id} />
      <Field id="role" label="Role" error={errors.role}>
        <Select
          id="role"
          name="role"
          defaultValue={user.role}
          key={user.role}
          {...fieldAria('role', errors.role)}
        >
          <RoleOptions />
        </Select>
      </Field>
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        Change role
      </SubmitButton>
    </form>
  );
}

function ActivationForm({ user }: { user: PanelUser }) {
  const [state, formAction] = useFormAction(setUserActive, {
    successMessage: (data) => `${user.name} was ${data.active ? 'reactivated' : 'deactivated'}.`,
  });
  return (
    <form action={formAction} className="space-y-3">
      <FormError message={state?.ok === false ? state.error : null} />
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="active" value={String(!user.active)} />
      <p className="text-sm text-slate-600">
        {user.active
          ? 'A deactivated user cannot sign in, and any session they have open stops working at once.'
          : 'Reactivating lets this user sign in again with their password.'}
      </p>
      {user.active ? (
        <ConfirmSubmit
          pendingLabel="Deactivating…"
          title={`Deactivate ${user.name}?`}
          description={`${user.name} will not be able to sign in, and any session they have open stops working at once. You can reactivate them later.`}
          confirmLabel="Deactivate"
        >
          Deactivate user
        </ConfirmSubmit>
      ) : (
        <SubmitButton variant="secondary" pendingLabel="Reactivating…">
          Reactivate user
        </SubmitButton>
      )}
    </form>
  );
}

function PasswordLinkForm({ user }: { user: PanelUser }) {
  const [state, formAction] = useFormAction(createSetPasswordLink);
  return (
    <form action={formAction} className="space-y-3">
      <FormError message={state?.ok === false ? state.error : null} />
      <input type="hidden" name="userId" value={user.id} />
      <p className="text-sm text-slate-600">
        A new link replaces any earlier one. The user keeps their current password until they use
        it.
      </p>
      {state?.ok ? <OneTimeLink token={state.data.setPasswordToken} /> : null}
      <SubmitButton variant="secondary" pendingLabel="Creating…">
        Create set-password link
      </SubmitButton>
    </form>
  );
}

export function UserAdminPanel({ user, isSelf }: { user: PanelUser; isSelf: boolean }) {
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card title="Role">
        <RoleForm user={user} />
      </Card>
      <Card title={user.active ? 'Deactivate' : 'Reactivate'}>
        {isSelf ? (
          <p className="text-sm text-slate-600">
            You cannot deactivate yourself. Another manager can.
          </p>
        ) : (
          <ActivationForm user={user} />
        )}
      </Card>
      <Card title="Password">
        <PasswordLinkForm user={user} />
      </Card>
    </div>
  );
}

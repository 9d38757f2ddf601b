'use client';

import { ActionError } from '@/components/ui/action-error';
import { Card } from '@/components/ui/card';
import { Field, Select } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import { convertProspect, reassignClient } from '@/server/clients/actions';

type Option = { id: string; name: string };

export function AssignmentPanel({
  clientId,
  version,
  ownerId,
  coordinatorId,
  ownerName,
  coordinatorName,
  users,
  canReassign,
}: {
  clientId: string;
  version: number;
  ownerId: string | null;
  coordinatorId: string | null;
  ownerName: string | null;
  coordinatorName: string | null;
  users: Option[];
  canReassign: boolean;
}) {
  const [state, formAction] = useFormAction(reassignClient, {
    successMessage: () => 'Account reassigned.',
  });
  if (!canReassign) {
    return (
      <Card title="Team">
        <dl className="grid grid-cols-2 gap-4 text-sm">
          <div>
            <dt className="text-xs text-slate-600">Owner</dt>
            <dd className="font-medium">{ownerName ?? 'No owner yet'}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-600">Coordinator</dt>
            <dd className="font-medium">{coordinatorName ?? 'No coordinator yet'}</dd>
          </div>
        </dl>
        <p className="mt-3 text-xs text-slate-600">
          The account owner or a manager can reassign this account.
        </p>
      </Card>
    );
  }
  return (
    <Card title="Team">
      <form
        action={formAction}
        key={`${ownerId}-${coordinatorId}-${version}`}
        className="space-y-3"
      >
        <ActionError state={state} />
        <input type="hidden" name="clientId" value={clientId} />
        <input type="hidden" name="version" value={version} />
        {(['ownerId', 'coordinatorId'] as const).map((field) => (
          <Field
            key={field}
            id={`assign-${field}`}
            label={field === 'ownerId' ? 'Owner' : 'Coordinator'}
            error={state?.ok === false ? state.fieldErrors?.[field] : undefined}
          >
            <Select
              id={`assign-${field}`}
              name={field}
              defaultValue={(field === 'ownerId' ? ownerId : coordinatorId) ?? ''}
            >
              <option value="">Nobody</option>
              {users.map((user) => (
                <option key={user.id} value={user.id}>
                  {user.name}
                </option>
              ))}
            </Select>
          </Field>
        ))}
        <SubmitButton variant="secondary" pendingLabel="Saving…">
          Reassign
        </SubmitButton>
      </form>
    </Card>
  );
}

export function ConvertProspectButton({
  clientId,
  version,
}: {
  clientId: string;
  version: number;
}) {
  const [state, formAction] = useFormAction(convertProspect, {
    successMessage: () => 'Converted to a client.',
  });
  return (
    <form action={formAction} className="flex items-center gap-3">
      <ActionError state={state} />
      <input type="hidden" name="clientId" value={clientId} />
      <input type="hidden" name="version" value={version} />
      <SubmitButton pendingLabel="Converting…">Convert to client</SubmitButton>
    </form>
  );
}

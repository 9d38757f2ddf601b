'use client';

import { Download } from 'lucide-react';
import { useId, useState, useTransition } from 'react';
import { toast } from 'sonner';
import type { BulkActionContext } from '@/components/data-table/bulk-action-bar';
import { Button, buttonClasses } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/field';
import type { ActionResult } from '@/lib/action-result';
import type { BulkResult } from '@/lib/bulk';
import { clientStatuses, clientStatusLabels } from '@/lib/clients';
import { bulkReassignClients, bulkSetClientStatus, bulkTagClients } from '@/server/clients/actions';

type Option = { id: string; name: string };
type Choice = 'owner' | 'coordinator' | 'addTag' | 'removeTag' | 'status';

const choiceLabels: Record<Choice, string> = {
  owner: 'Reassign owner',
  coordinator: 'Reassign coordinator',
  addTag: 'Add a tag',
  removeTag: 'Remove a tag',
  status: 'Change status',
};

/** The clients list's bulk actions: pick one, give its value, apply it to the selection. */
export function ClientBulkActions({
  context,
  users,
  canReassign,
  exportQuery,
}: {
  context: BulkActionContext;
  users: Option[];
  canReassign: boolean;
  /** The list's filter as an export query string. */
  exportQuery: string;
}) {
  const id = useId();
  const choices: Choice[] = canReassign
    ? ['owner', 'coordinator', 'addTag', 'removeTag', 'status']
    : ['addTag', 'removeTag', 'status'];
  const [choice, setChoice] = useState<Choice>(choices[0] ?? 'addTag');
  const [value, setValue] = useState('');
  const [error, setError] = useState('');
  const [pending, startTransition] = useTransition();

  function apply() {
    startTransition(async () => {
      const { selection } = context;
      let result: ActionResult<BulkResult>;
      if (choice === 'owner' || choice === 'coordinator') {
        result = await bulkReassignClients({ selection, role: choice, userId: value || null });
      } else if (choice === 'status') {
        result = await bulkSetClientStatus({ selection, status: value });
      } else {
        result = await bulkTagClients({
          selection,
          operation: choice === 'addTag' ? 'add' : 'remove',
          tag: value,
        });
      }
      if (!result.ok) {
        const fieldError = Object.values(result.fieldErrors ?? {}).flat()[0];
        setError(fieldError ?? result.error);
        return;
      }
      setError('');
      toast.success(result.data.message);
      context.report(result.data.message);
    });
  }

  const exportHref = `/clients/export?${exportQuery}${
    context.selectedIds ? `${exportQuery ? '&' : ''}ids=${context.selectedIds.join(',')}` : ''
  }`;
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
    >
      <div className="space-y-1">
        <label htmlFor={`${id}-action`} className="block text-xs font-medium text-slate-700">
          Bulk action
        </label>
        <Select
          id={`${id}-action`}
          value={choice}
          onChange={(event) => {
            setChoice(event.target.value as Choice);
            setValue('');
            setError('');
          }}
          className="w-48"
        >
          {choices.map((option) => (
            <option key={option} value={option}>
              {choiceLabels[option]}
            </option>
          ))}
        </Select>
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-value`} className="block text-xs font-medium text-slate-700">
          {choice === 'owner'
            ? 'New owner'
            : choice === 'coordinator'
              ? 'New coordinator'
              : choice === 'status'
                ? 'New status'
                : 'Tag'}
        </label>
        {choice === 'addTag' || choice === 'removeTag' ? (
          <Input
            id={`${id}-value`}
            value={value}
            onChange={(event) => setValue(event.target.value)}
            maxLength={50}
            aria-invalid={Boolean(error)}
            aria-describedby={error ? `${id}-error` : undefined}
            className="w-48"
          />
        ) : (
          <Select
            id={`${id}-value`}
            value={value}
            onChange={(event) => setValue(event.target.value)}
            aria-invalid={Boolean(error)}
            aria-describedby={error ? `${id}-error` : undefined}
            className="w-48"
          >
            {choice === 'status' ? (
              <>
                <option value="">Choose a status</option>
                {clientStatuses.map((status) => (
                  <option key={status} value={status}>
                    {clientStatusLabels[status]}
                  </option>
                ))}
              </>
            ) : (
              <>
                <option value="">Nobody</option>
                {users.map((user) => (
                  <option key={user.id} value={user.id}>
                    {user.name}
                  </option>
                ))}
              </>
            )}
          </Select>
        )}
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? 'Applying…' : 'Apply'}
      </Button>
      <a href={exportHref} className={buttonClasses('secondary')} download>
        <Download aria-hidden className="size-4" />
        Export selection
      </a>
      {error ? (
        <p id={`${id}-error`} role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </form>
  );
}

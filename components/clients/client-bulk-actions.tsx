'use client';

import type { BulkActionContext } from '@/components/data-table/bulk-action-bar';
import { BulkActionForm, BulkOptions } from '@/components/data-table/bulk-action-form';
import { Input, Select } from '@/components/ui/field';
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

const valueLabels: Record<Choice, string> = {
  owner: 'New owner',
  coordinator: 'New coordinator',
  addTag: 'Tag',
  removeTag: 'Tag',
  status: 'New status',
};

const statusOptions = clientStatuses.map((status) => ({
  value: status,
  label: clientStatusLabels[status],
}));

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
  const choices: [Choice, ...Choice[]] = canReassign
    ? ['owner', 'coordinator', 'addTag', 'removeTag', 'status']
    : ['addTag', 'removeTag', 'status'];
  const userOptions = users.map((user) => ({ value: user.id, label: user.name }));
  return (
    <BulkActionForm
      context={context}
      choices={choices}
      choiceLabels={choiceLabels}
      valueLabels={valueLabels}
      exportPath="/clients/export"
      exportQuery={exportQuery}
      apply={(choice, value) => {
        const { selection } = context;
        if (choice === 'owner' || choice === 'coordinator') {
          return bulkReassignClients({ selection, role: choice, userId: value || null });
        }
        if (choice === 'status') return bulkSetClientStatus({ selection, status: value });
        return bulkTagClients({
          selection,
          operation: choice === 'addTag' ? 'add' : 'remove',
          tag: value,
        });
      }}
      renderValue={(choice, field) =>
        choice === 'addTag' || choice === 'removeTag' ? (
          <Input {...field} maxLength={50} />
        ) : (
          <Select {...field}>
            {choice === 'status' ? (
              <BulkOptions empty="Choose a status" options={statusOptions} />
            ) : (
              <BulkOptions empty="Nobody" options={userOptions} />
            )}
          </Select>
        )
      }
    />
  );
}

'use client';

import type { BulkActionContext } from '@/components/data-table/bulk-action-bar';
import { BulkActionForm, BulkOptions } from '@/components/data-table/bulk-action-form';
import { Select } from '@/components/ui/field';
import { bulkAssignMaterials } from '@/server/materials/actions';

const choices: ['assign'] = ['assign'];

/** The materials list's bulk actions: give the selection to one person to make, or export it. */
export function MaterialBulkActions({
  context,
  users,
  exportQuery,
}: {
  context: BulkActionContext;
  users: { id: string; name: string }[];
  exportQuery: string;
}) {
  const options = users.map((user) => ({ value: user.id, label: user.name }));
  return (
    <BulkActionForm
      context={context}
      choices={choices}
      choiceLabels={{ assign: 'Assign' }}
      valueLabels={{ assign: 'Assign to' }}
      exportPath="/materials/export"
      exportQuery={exportQuery}
      apply={(_choice, assigneeId) =>
        bulkAssignMaterials({ selection: context.selection, assigneeId })
      }
      renderValue={(_choice, field) => (
        <Select {...field}>
          <BulkOptions empty="Choose a person" options={options} />
        </Select>
      )}
    />
  );
}

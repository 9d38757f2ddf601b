'use client';

import type { BulkActionContext } from '@/components/data-table/bulk-action-bar';
import { BulkActionForm, BulkOptions } from '@/components/data-table/bulk-action-form';
import { Select } from '@/components/ui/field';
import { campaignStatuses, campaignStatusLabels } from '@/lib/campaigns';
import { bulkReassignCampaignCoordinator, bulkSetCampaignStatus } from '@/server/campaigns/actions';

type Choice = 'status' | 'coordinator';

const choices: [Choice, ...Choice[]] = ['status', 'coordinator'];
const choiceLabels: Record<Choice, string> = {
  status: 'Set status',
  coordinator: 'Reassign coordinator',
};
const valueLabels: Record<Choice, string> = {
  status: 'New status',
  coordinator: 'New coordinator',
};
const statusOptions = campaignStatuses.map((status) => ({
  value: status,
  label: campaignStatusLabels[status],
}));

/** The campaigns list's bulk actions: set the status of the selection, or give it a coordinator. */
export function CampaignBulkActions({
  context,
  users,
  exportQuery,
}: {
  context: BulkActionContext;
  users: { id: string; name: string }[];
  exportQuery: string;
}) {
  return (
    <BulkActionForm
      context={context}
      choices={choices}
      choiceLabels={choiceLabels}
      valueLabels={valueLabels}
      exportPath="/campaigns/export"
      exportQuery={exportQuery}
      apply={(choice, value) =>
        choice === 'status'
          ? bulkSetCampaignStatus({ selection: context.selection, status: value })
          : bulkReassignCampaignCoordinator({ selection: context.selection, coordinatorId: value })
      }
      renderValue={(choice, field) => (
        <Select {...field}>
          {choice === 'status' ? (
            <BulkOptions empty="Choose a status" options={statusOptions} />
          ) : (
            <BulkOptions
              empty="Choose a person"
              options={users.map((user) => ({ value: user.id, label: user.name }))}
            />
          )}
        </Select>
      )}
    />
  );
}

'use client';

import { useState } from 'react';
import type { BulkActionContext } from '@/components/data-table/bulk-action-bar';
import { BulkActionForm, BulkOptions } from '@/components/data-table/bulk-action-form';
import { Input, Select } from '@/components/ui/field';
import { dealStageLabels, dealStages } from '@/lib/deals';
import { bulkMoveDeals, bulkReassignDeals } from '@/server/deals/actions';

type Option = { id: string; name: string };
type Choice = 'stage' | 'owner' | 'coordinator';

const choices: [Choice, ...Choice[]] = ['stage', 'owner', 'coordinator'];

const choiceLabels: Record<Choice, string> = {
  stage: 'Move to stage',
  owner: 'Reassign owner',
  coordinator: 'Reassign coordinator',
};

const valueLabels: Record<Choice, string> = {
  stage: 'New stage',
  owner: 'New owner',
  coordinator: 'New coordinator',
};

const stageOptions = dealStages.map((stage) => ({ value: stage, label: dealStageLabels[stage] }));

/** The pipeline table's bulk actions; moving to Lost asks for the reason first. */
export function DealBulkActions({
  context,
  users,
  exportQuery,
}: {
  context: BulkActionContext;
  users: Option[];
  exportQuery: string;
}) {
  const [lostReason, setLostReason] = useState('');
  const userOptions = users.map((user) => ({ value: user.id, label: user.name }));
  return (
    <BulkActionForm
      context={context}
      choices={choices}
      choiceLabels={choiceLabels}
      valueLabels={valueLabels}
      exportPath="/pipeline/export"
      exportQuery={exportQuery}
      apply={(choice, value) => {
        const { selection } = context;
        return choice === 'stage'
          ? bulkMoveDeals({ selection, stage: value, lostReason })
          : bulkReassignDeals({ selection, role: choice, userId: value || null });
      }}
      renderValue={(choice, field) => (
        <Select {...field}>
          {choice === 'stage' ? (
            <BulkOptions empty="Choose a stage" options={stageOptions} />
          ) : (
            <BulkOptions empty="Nobody" options={userOptions} />
          )}
        </Select>
      )}
      renderExtra={(choice, value, id, errorProps) =>
        choice === 'stage' && value === 'lost' ? (
          <div className="space-y-1">
            <label htmlFor={`${id}-reason`} className="block text-xs font-medium text-slate-700">
              Why were they lost?
            </label>
            <Input
              id={`${id}-reason`}
              value={lostReason}
              onChange={(event) => setLostReason(event.target.value)}
              maxLength={500}
              required
              className="w-64"
              {...errorProps}
            />
          </div>
        ) : null
      }
    />
  );
}

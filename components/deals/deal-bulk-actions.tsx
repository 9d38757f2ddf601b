'use client';

import { Download } from 'lucide-react';
import { useId, useState, useTransition } from 'react';
import { toast } from 'sonner';
import type { BulkActionContext } from '@/components/data-table/bulk-action-bar';
import { Button, buttonClasses } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/field';
import type { BulkResult } from '@/lib/bulk';
import type { ActionResult } from '@/lib/action-result';
import { dealStageLabels, dealStages } from '@/lib/deals';
import { bulkMoveDeals, bulkReassignDeals } from '@/server/deals/actions';

type Option = { id: string; name: string };
type Choice = 'stage' | 'owner' | 'coordinator';

const choiceLabels: Record<Choice, string> = {
  stage: 'Move to stage',
  owner: 'Reassign owner',
  coordinator: 'Reassign coordinator',
};

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
  const id = useId();
  const [choice, setChoice] = useState<Choice>('stage');
  const [value, setValue] = useState('');
  const [lostReason, setLostReason] = useState('');
  const [error, setError] = useState('');
  const [pending, startTransition] = useTransition();

  function apply() {
    startTransition(async () => {
      const { selection } = context;
      const result: ActionResult<BulkResult> =
        choice === 'stage'
          ? await bulkMoveDeals({ selection, stage: value, lostReason })
          : await bulkReassignDeals({ selection, role: choice, userId: value || null });
      if (!result.ok) {
        setError(Object.values(result.fieldErrors ?? {}).flat()[0] ?? result.error);
        return;
      }
      setError('');
      toast.success(result.data.message);
      context.report(result.data.message);
    });
  }

  const errorProps = {
    'aria-invalid': Boolean(error),
    'aria-describedby': error ? `${id}-error` : undefined,
  };
  const exportHref = `/pipeline/export?${exportQuery}${
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
          {(Object.keys(choiceLabels) as Choice[]).map((option) => (
            <option key={option} value={option}>
              {choiceLabels[option]}
            </option>
          ))}
        </Select>
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-value`} className="block text-xs font-medium text-slate-700">
          {choice === 'stage' ? 'New stage' : choice === 'owner' ? 'New owner' : 'New coordinator'}
        </label>
        <Select
          id={`${id}-value`}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          className="w-48"
          {...errorProps}
        >
          {choice === 'stage' ? (
            <>
              <option value="">Choose a stage</option>
              {dealStages.map((stage) => (
                <option key={stage} value={stage}>
                  {dealStageLabels[stage]}
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
      </div>
      {choice === 'stage' && value === 'lost' ? (
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
      ) : null}
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

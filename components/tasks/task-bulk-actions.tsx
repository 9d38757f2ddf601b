'use client';

import { useId, useState, useTransition } from 'react';
import { toast } from 'sonner';
import type { BulkActionContext } from '@/components/data-table/bulk-action-bar';
import { BulkOptions } from '@/components/data-table/bulk-action-form';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/field';
import type { ActionResult } from '@/lib/action-result';
import type { BulkResult } from '@/lib/bulk';
import { bulkCompleteTasks, bulkReassignTasks } from '@/server/tasks/actions';

/** The tasks list's bulk actions: mark the selection done, or give it to someone else. */
export function TaskBulkActions({
  context,
  users,
}: {
  context: BulkActionContext;
  users: { id: string; name: string }[];
}) {
  const id = useId();
  const [assigneeId, setAssigneeId] = useState('');
  const [error, setError] = useState('');
  const [pending, startTransition] = useTransition();

  function run(action: () => Promise<ActionResult<BulkResult>>) {
    startTransition(async () => {
      const result = await action();
      if (!result.ok) {
        setError(Object.values(result.fieldErrors ?? {}).flat()[0] ?? result.error);
        return;
      }
      setError('');
      toast.success(result.data.message);
      context.report(result.data.message);
    });
  }

  return (
    <div className="flex flex-wrap items-end gap-2">
      <Button
        disabled={pending}
        onClick={() => run(() => bulkCompleteTasks({ selection: context.selection }))}
      >
        Mark done
      </Button>
      <div className="space-y-1">
        <label htmlFor={`${id}-assignee`} className="block text-xs font-medium text-slate-700">
          New assignee
        </label>
        <Select
          id={`${id}-assignee`}
          value={assigneeId}
          onChange={(event) => setAssigneeId(event.target.value)}
          className="w-48"
          aria-invalid={Boolean(error)}
          aria-describedby={error ? `${id}-error` : undefined}
        >
          <BulkOptions
            empty="Choose a person"
            options={users.map((user) => ({ value: user.id, label: user.name }))}
          />
        </Select>
      </div>
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() => run(() => bulkReassignTasks({ selection: context.selection, assigneeId }))}
      >
        Reassign
      </Button>
      {error ? (
        <p id={`${id}-error`} role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

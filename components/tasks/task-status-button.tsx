'use client';

import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import type { TaskStatus } from '@/lib/tasks';
import { completeTask, reopenTask } from '@/server/tasks/actions';

/** Marks one task done, or open again. */
export function TaskStatusButton({
  id,
  version,
  status,
  title,
}: {
  id: string;
  version: number;
  status: TaskStatus;
  title: string;
}) {
  const [state, formAction] = useFormAction(status === 'open' ? completeTask : reopenTask, {
    successMessage: () => (status === 'open' ? 'Task done.' : 'Task reopened.'),
  });
  return (
    <form action={formAction} className="inline-flex items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <SubmitButton
        variant="secondary"
        pendingLabel="Saving…"
        aria-label={`${status === 'open' ? 'Mark done' : 'Reopen'}: ${title}`}
      >
        {status === 'open' ? 'Done' : 'Reopen'}
      </SubmitButton>
      {state?.ok === false ? (
        <span role="alert" className="text-xs text-red-700">
          {state.error}
        </span>
      ) : null}
    </form>
  );
}

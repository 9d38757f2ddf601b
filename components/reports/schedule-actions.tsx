'use client';

import { ConfirmSubmit } from '@/components/ui/confirm-submit';
import { FormError } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import { deleteReportSchedule, toggleReportSchedule } from '@/server/reports/actions';

/** Pause or resume a schedule, or delete it after a confirmation. */
export function ScheduleActions({
  id,
  paused,
  name,
}: {
  id: string;
  paused: boolean;
  name: string;
}) {
  const [toggleState, toggle] = useFormAction(toggleReportSchedule, {
    successMessage: (data) => (data.paused ? 'Schedule paused.' : 'Schedule resumed.'),
  });
  const [deleteState, remove] = useFormAction(deleteReportSchedule, {
    successMessage: () => 'Schedule deleted.',
  });
  const error = [toggleState, deleteState].find((state) => state && !state.ok);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <form action={toggle}>
        <input type="hidden" name="id" value={id} />
        <SubmitButton
          variant="secondary"
          pendingLabel="Saving…"
          aria-label={`${paused ? 'Resume' : 'Pause'} ${name}`}
        >
          {paused ? 'Resume' : 'Pause'}
        </SubmitButton>
      </form>
      <form action={remove}>
        <input type="hidden" name="id" value={id} />
        <ConfirmSubmit
          pendingLabel="Deleting…"
          aria-label={`Delete ${name}`}
          title="Delete this schedule?"
          description="Reports it already filed stay in Documents."
          confirmLabel="Delete schedule"
        >
          Delete
        </ConfirmSubmit>
      </form>
      {error && !error.ok ? <FormError message={error.error} /> : null}
    </div>
  );
}

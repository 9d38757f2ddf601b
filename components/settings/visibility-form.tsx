'use client';

import { ActionError } from '@/components/ui/action-error';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import type { RecordVisibility } from '@/lib/validation/clients';
import { setRecordVisibility } from '@/server/settings/actions';

const choices: { value: RecordVisibility; label: string; description: string }[] = [
  { value: 'open', label: 'Open', description: 'Everyone reads every account.' },
  {
    value: 'assigned',
    label: 'Assigned',
    description:
      'Coordinators and executives see only the accounts they own or coordinate. Managers see all.',
  },
];

export function VisibilityForm({ visibility }: { visibility: RecordVisibility }) {
  const [state, formAction] = useFormAction(setRecordVisibility, {
    successMessage: ({ reroutedReviews }) =>
      reroutedReviews === 0
        ? 'Record visibility saved.'
        : `Record visibility saved. ${reroutedReviews === 1 ? 'One review was' : `${reroutedReviews} reviews were`} moved from reviewers who no longer see the account.`,
  });
  return (
    <form action={formAction} key={visibility} className="space-y-4">
      <ActionError state={state} />
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-800">Who can see which accounts</legend>
        {choices.map((choice) => (
          <label key={choice.value} className="flex gap-3 text-sm">
            <input
              type="radio"
              name="visibility"
              value={choice.value}
              defaultChecked={visibility === choice.value}
              className="mt-1"
            />
            <span>
              <span className="font-medium text-slate-900">{choice.label}</span>
              <span className="block text-slate-600">{choice.description}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <SubmitButton pendingLabel="Saving…">Save</SubmitButton>
    </form>
  );
}

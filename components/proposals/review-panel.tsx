'use client';

import { useCurrentVersion } from '@/components/proposals/proposal-steps';
import { ActionError } from '@/components/ui/action-error';
import { Field, fieldAria, Textarea } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import { reviewDecisionLabels, reviewDecisions } from '@/lib/proposals';
import { reviewProposalSchema } from '@/lib/validation/proposals';
import { reviewProposal } from '@/server/proposals/actions';

/** The reviewer's decision: approve, request changes or reject (the last two need a comment). */
export function ReviewPanel({ id, version }: { id: string; version: number }) {
  const current = useCurrentVersion(version);
  const [state, formAction] = useFormAction(reviewProposal, {
    schema: reviewProposalSchema,
    successMessage: (data) => `Decision recorded: ${reviewDecisionLabels[data.decision]}.`,
  });
  const errors = state?.ok === false ? (state.fieldErrors ?? {}) : {};
  const values = state?.ok === false ? (state.values ?? {}) : {};
  return (
    <form action={formAction} aria-label="Review decision" className="space-y-4" noValidate>
      <ActionError state={state} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={current} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">Decision</legend>
        {reviewDecisions.map((decision) => (
          <label key={decision} className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="decision"
              value={decision}
              defaultChecked={values.decision === decision}
              required
            />
            {reviewDecisionLabels[decision]}
          </label>
        ))}
        {errors.decision ? <p className="text-sm text-red-700">{errors.decision}</p> : null}
      </fieldset>
      <Field
        id="comment"
        label="Comment"
        error={errors.comment}
        hint="Required when you request changes or reject."
      >
        <Textarea
          id="comment"
          name="comment"
          rows={4}
          defaultValue={values.comment}
          {...fieldAria('comment', errors.comment, true)}
        />
      </Field>
      <SubmitButton pendingLabel="Recording…">Record decision</SubmitButton>
    </form>
  );
}

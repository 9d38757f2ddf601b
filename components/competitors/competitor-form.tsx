'use client';

import { useRouter } from 'next/navigation';
import { ActionError } from '@/components/ui/action-error';
import { TextareaField, TextField } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import { formValuesAfter } from '@/lib/action-result';
import { competitorSchema, updateCompetitorSchema } from '@/lib/validation/clients';
import { createCompetitor, updateCompetitor } from '@/server/competitors/actions';

export type CompetitorValues = {
  name: string;
  website: string;
  strengths: string;
  weaknesses: string;
  pricingNotes: string;
};

/** Adds a competitor to the registry, or edits one against the version it was read at. */
export function CompetitorForm({
  competitor,
}: {
  competitor?: CompetitorValues & { id: string; version: number };
}) {
  const router = useRouter();
  const [state, formAction] = useFormAction(
    async (_previous: unknown, formData: FormData) => {
      // The actions ignore the previous state; each is called with none.
      const result = competitor
        ? await updateCompetitor(null, formData)
        : await createCompetitor(null, formData);
      if (result.ok && !competitor) router.push(`/competitors/${result.data.id}`);
      return result;
    },
    {
      schema: competitor ? updateCompetitorSchema : competitorSchema,
      successMessage: () => (competitor ? 'Competitor saved.' : 'Competitor added.'),
    },
  );
  const errors = state?.ok === false ? (state.fieldErrors ?? {}) : {};
  const values: Partial<CompetitorValues> = formValuesAfter(state, competitor ?? {});
  return (
    <form action={formAction} key={JSON.stringify(values)} className="space-y-4" noValidate>
      <ActionError state={state} />
      {competitor ? (
        <>
          <input type="hidden" name="competitorId" value={competitor.id} />
          <input type="hidden" name="version" value={competitor.version} />
        </>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id="competitor-name"
          label="Competitor name"
          error={errors.name}
          name="name"
          defaultValue={values.name}
        />
        <TextField
          id="competitor-website"
          label="Website"
          error={errors.website}
          name="website"
          defaultValue={values.website}
        />
      </div>
      {(
        [
          ['strengths', 'Strengths'],
          ['weaknesses', 'Weaknesses'],
          ['pricingNotes', 'Pricing notes'],
        ] as const
      ).map(([name, label]) => (
        <TextareaField
          key={name}
          id={`competitor-${name}`}
          label={label}
          error={errors[name]}
          name={name}
          defaultValue={values[name]}
        />
      ))}
      <SubmitButton pendingLabel="Saving…">
        {competitor ? 'Save competitor' : 'Add competitor'}
      </SubmitButton>
    </form>
  );
}

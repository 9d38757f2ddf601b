'use client';

import { useState } from 'react';
import { useCurrentVersion, useRecordSavedVersion } from '@/components/proposals/proposal-steps';
import { ReadinessList } from '@/components/proposals/readiness-list';
import { ActionError } from '@/components/ui/action-error';
import { Field, fieldAria, Select, TextField } from '@/components/ui/field';
import { MarkdownEditor } from '@/components/ui/markdown-editor';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import { currencies } from '@/lib/clients';
import { renderMergeFields, type MergeValues } from '@/lib/merge-fields';
import { readinessGaps } from '@/lib/proposal-readiness';
import { moneyCents } from '@/lib/validation/fields';
import { updateProposalSchema } from '@/lib/validation/proposals';
import { updateProposal } from '@/server/proposals/actions';

export type ProposalDraft = {
  id: string;
  version: number;
  title: string;
  body: string;
  amount: string;
  currency: string;
  validUntil: string;
  reviewerId: string;
};

/**
 * The draft editor: fields, what is still missing before it can be submitted or sent, and the
 * Markdown body beside its live preview with the merge fields filled from `mergeValues`.
 */
export function ProposalEditor({
  draft,
  reviewers,
  mergeValues,
  clientHref,
  dealHref,
}: {
  draft: ProposalDraft;
  reviewers: { id: string; name: string }[];
  mergeValues: MergeValues;
  clientHref: string;
  dealHref: string | null;
}) {
  const recordSavedVersion = useRecordSavedVersion();
  const version = useCurrentVersion(draft.version);
  const [state, formAction] = useFormAction(
    async (previous: Parameters<typeof updateProposal>[0], formData: FormData) => {
      const result = await updateProposal(previous, formData);
      if (result.ok) recordSavedVersion(result.data.version);
      return result;
    },
    {
      schema: updateProposalSchema,
      successMessage: () => 'Draft saved.',
    },
  );
  const values = state?.ok === false && state.values ? { ...draft, ...state.values } : draft;
  const [body, setBody] = useState(values.body);
  const [amount, setAmount] = useState(values.amount);
  const merged = renderMergeFields(body, mergeValues);
  const amountCents = moneyCents.safeParse(amount);
  // An amount that does not parse gets its own field error on saving; it is not "zero".
  const gaps = readinessGaps(
    { body: merged, amountCents: amountCents.success ? amountCents.data : 1 },
    mergeValues,
  );
  const errors = state?.ok === false ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <ActionError state={state} onReload={() => setBody(draft.body)} />
      <input type="hidden" name="id" value={draft.id} />
      <input type="hidden" name="version" value={version} />
      <TextField
        id="title"
        name="title"
        label="Title"
        defaultValue={values.title}
        error={errors.title}
        maxLength={200}
        required
      />
      <div className="grid gap-4 sm:grid-cols-4">
        <TextField
          id="amount"
          name="amount"
          label="Amount"
          inputMode="decimal"
          value={amount}
          onChange={(event) => setAmount(event.target.value)}
          error={errors.amount}
        />
        <Field id="currency" label="Currency" error={errors.currency}>
          <Select id="currency" name="currency" defaultValue={values.currency}>
            {currencies.map((currency) => (
              <option key={currency}>{currency}</option>
            ))}
          </Select>
        </Field>
        <TextField
          id="validUntil"
          name="validUntil"
          label="Valid until"
          type="date"
          defaultValue={values.validUntil}
          error={errors.validUntil}
        />
        <Field id="reviewerId" label="Reviewer" error={errors.reviewerId}>
          <Select
            id="reviewerId"
            name="reviewerId"
            defaultValue={values.reviewerId}
            {...fieldAria('reviewerId', errors.reviewerId)}
          >
            <option value="">No reviewer yet</option>
            {reviewers.map((reviewer) => (
              <option key={reviewer.id} value={reviewer.id}>
                {reviewer.name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <ReadinessList gaps={gaps} clientHref={clientHref} dealHref={dealHref} />
      <MarkdownEditor
        id="body"
        name="body"
        value={body}
        preview={merged}
        onChange={setBody}
        error={errors.body}
        rows={22}
        hint="Headings with #, lists with -, bold with **text**. Merge fields such as {{client.name}} are filled in when you save."
      />
      <SubmitButton pendingLabel="Saving…">Save draft</SubmitButton>
    </form>
  );
}

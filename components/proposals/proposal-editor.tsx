'use client';

import { useState } from 'react';
import { ActionError } from '@/components/ui/action-error';
import { Field, fieldAria, Select, TextField } from '@/components/ui/field';
import { MarkdownEditor } from '@/components/ui/markdown-editor';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import { currencies } from '@/lib/clients';
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

/** The draft editor: fields, and the Markdown body beside its live preview. */
export function ProposalEditor({
  draft,
  reviewers,
}: {
  draft: ProposalDraft;
  reviewers: { id: string; name: string }[];
}) {
  const [state, formAction] = useFormAction(updateProposal, {
    schema: updateProposalSchema,
    successMessage: () => 'Draft saved.',
  });
  const values = state?.ok === false && state.values ? { ...draft, ...state.values } : draft;
  const [body, setBody] = useState(values.body);
  const errors = state?.ok === false ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <ActionError state={state} onReload={() => setBody(draft.body)} />
      <input type="hidden" name="id" value={draft.id} />
      <input type="hidden" name="version" value={draft.version} />
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
          defaultValue={values.amount}
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
      <MarkdownEditor
        id="body"
        name="body"
        value={body}
        onChange={setBody}
        error={errors.body}
        rows={22}
        hint="Headings with #, lists with -, bold with **text**."
      />
      <SubmitButton pendingLabel="Saving…">Save draft</SubmitButton>
    </form>
  );
}

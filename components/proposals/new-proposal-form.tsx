'use client';

import { useRouter } from 'next/navigation';
import { ActionError } from '@/components/ui/action-error';
import { Field, fieldAria, Select, TextField } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import { dealStageLabels, type DealStage } from '@/lib/deals';
import { createProposalSchema } from '@/lib/validation/proposals';
import { createProposal } from '@/server/proposals/actions';

type Option = { id: string; name: string };

/** Starts a draft for a client: from a published template (merge fields filled in) or blank. */
export function NewProposalForm({
  client,
  deals,
  templates,
  reviewers,
  defaults,
}: {
  client: Option & { ownerId: string | null };
  deals: (Option & { stage: DealStage })[];
  templates: (Option & { category: string | null })[];
  reviewers: Option[];
  defaults: { dealId?: string; reviewerId?: string };
}) {
  const router = useRouter();
  const [state, formAction] = useFormAction(
    async (previous: Parameters<typeof createProposal>[0], formData: FormData) => {
      const result = await createProposal(previous, formData);
      if (result.ok) router.push(`/proposals/${result.data.id}`);
      return result;
    },
    { schema: createProposalSchema, successMessage: () => 'Draft created.' },
  );
  const errors = state?.ok === false ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="max-w-xl space-y-5" noValidate>
      <ActionError state={state} />
      <input type="hidden" name="clientId" value={client.id} />
      <Field id="templateId" label="Template" error={errors.templateId}>
        <Select id="templateId" name="templateId" {...fieldAria('templateId', errors.templateId)}>
          <option value="">Blank proposal</option>
          {templates.map((template) => (
            <option key={template.id} value={template.id}>
              {template.category ? `${template.name} (${template.category})` : template.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="dealId" label="Deal" error={errors.dealId}>
        <Select
          id="dealId"
          name="dealId"
          defaultValue={defaults.dealId ?? ''}
          {...fieldAria('dealId', errors.dealId)}
        >
          <option value="">No deal</option>
          {deals.map((deal) => (
            <option key={deal.id} value={deal.id}>
              {deal.name} ({dealStageLabels[deal.stage]})
            </option>
          ))}
        </Select>
      </Field>
      <TextField
        id="title"
        name="title"
        label="Title"
        error={errors.title}
        hint="Leave empty to name it after the template and client."
        maxLength={200}
      />
      <Field
        id="reviewerId"
        label="Reviewer"
        error={errors.reviewerId}
        hint="The account owner by default."
      >
        <Select
          id="reviewerId"
          name="reviewerId"
          defaultValue={defaults.reviewerId ?? ''}
          {...fieldAria('reviewerId', errors.reviewerId, true)}
        >
          <option value="">Choose later</option>
          {reviewers.map((reviewer) => (
            <option key={reviewer.id} value={reviewer.id}>
              {reviewer.name}
            </option>
          ))}
        </Select>
      </Field>
      <SubmitButton pendingLabel="Creating…">Create draft</SubmitButton>
    </form>
  );
}

'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { ClientPicker } from '@/components/deals/client-picker';
import { CampaignSelect } from './campaign-select';
import { ActionError } from '@/components/ui/action-error';
import { Field, fieldAria, Select, TextField } from '@/components/ui/field';
import { MarkdownEditor } from '@/components/ui/markdown-editor';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import { materialKindLabels, materialKinds } from '@/lib/materials';
import { createMaterialSchema } from '@/lib/validation/materials';
import { createMaterial } from '@/server/materials/actions';

type Option = { id: string; name: string };

/**
 * Requests a material for a client: chosen first (the page reloads with its deals and campaigns),
 * then what to make, for when, and who makes it.
 */
export function RequestMaterialForm({
  client,
  deals,
  dealId,
  campaigns,
  campaignId,
  people,
}: {
  client: Option | null;
  deals: Option[];
  dealId: string | null;
  campaigns: Option[];
  campaignId: string | null;
  people: Option[];
}) {
  const router = useRouter();
  const [state, formAction] = useFormAction(createMaterial, {
    schema: createMaterialSchema,
    successMessage: () => 'Material requested.',
  });
  const values = state?.ok === false ? state.values : undefined;
  const [brief, setBrief] = useState(values?.brief ?? '');
  useEffect(() => {
    if (state?.ok) router.push(`/materials/${state.data.id}`);
  }, [state, router]);
  if (!client) {
    return (
      <ClientPicker
        onChange={(chosen) => {
          if (chosen) router.replace(`/materials/new?clientId=${chosen.id}`);
        }}
      />
    );
  }
  const errors = state?.ok === false ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="grid gap-4" noValidate>
      <ActionError state={state} />
      <input type="hidden" name="clientId" value={client.id} />
      <p className="text-sm text-slate-700">
        Client: <span className="font-medium text-slate-900">{client.name}</span>
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="material-kind" label="Kind" error={errors.kind}>
          <Select
            id="material-kind"
            name="kind"
            defaultValue={values?.kind ?? 'presentation'}
            {...fieldAria('material-kind', errors.kind)}
          >
            {materialKinds.map((kind) => (
              <option key={kind} value={kind}>
                {materialKindLabels[kind]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="material-deal" label="Deal" error={errors.dealId}>
          <Select
            id="material-deal"
            name="dealId"
            defaultValue={values?.dealId ?? dealId ?? ''}
            {...fieldAria('material-deal', errors.dealId)}
          >
            <option value="">The client as a whole</option>
            {deals.map((deal) => (
              <option key={deal.id} value={deal.id}>
                {deal.name}
              </option>
            ))}
          </Select>
        </Field>
        <CampaignSelect
          id="material-campaign"
          campaigns={campaigns}
          defaultValue={values?.campaignId ?? campaignId ?? ''}
          error={errors.campaignId}
        />
        <TextField
          id="material-title"
          name="title"
          label="Title"
          maxLength={200}
          defaultValue={values?.title ?? ''}
          error={errors.title}
        />
        <TextField
          id="material-due"
          name="dueDate"
          type="date"
          label="Due date"
          defaultValue={values?.dueDate ?? ''}
          error={errors.dueDate}
        />
        <Field id="material-assignee" label="Assigned to" error={errors.assigneeId}>
          <Select
            id="material-assignee"
            name="assigneeId"
            defaultValue={values?.assigneeId ?? ''}
            {...fieldAria('material-assignee', errors.assigneeId)}
          >
            <option value="">Nobody yet</option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </Select>
        </Field>
        <TextField
          id="material-tags"
          name="tags"
          label="Tags"
          hint="Separate tags with commas."
          defaultValue={values?.tags ?? ''}
          error={errors.tags}
        />
      </div>
      <MarkdownEditor
        id="material-brief"
        name="brief"
        label="Brief (Markdown)"
        value={brief}
        onChange={setBrief}
        rows={8}
        hint="What it is for, who sees it, and what it must say."
        error={errors.brief}
      />
      <div>
        <SubmitButton pendingLabel="Requesting…">Request material</SubmitButton>
      </div>
    </form>
  );
}

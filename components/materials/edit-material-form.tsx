'use client';

import { useState } from 'react';
import { CampaignSelect } from './campaign-select';
import { ActionError } from '@/components/ui/action-error';
import { TextField } from '@/components/ui/field';
import { MarkdownEditor } from '@/components/ui/markdown-editor';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import { updateMaterialSchema } from '@/lib/validation/materials';
import { updateMaterial } from '@/server/materials/actions';

/** The request's details, saved at the version the page read. */
export function EditMaterialForm({
  material,
  campaigns,
}: {
  campaigns: { id: string; name: string }[];
  material: {
    id: string;
    version: number;
    campaignId: string | null;
    title: string;
    brief: string;
    tags: string[];
    dueDate: string | null;
  };
}) {
  const [state, formAction] = useFormAction(updateMaterial, {
    schema: updateMaterialSchema,
    successMessage: () => 'Request saved.',
  });
  const values = state?.ok === false ? state.values : undefined;
  const errors = state?.ok === false ? (state.fieldErrors ?? {}) : {};
  const [brief, setBrief] = useState(values?.brief ?? material.brief);
  return (
    <form action={formAction} className="grid gap-4" noValidate>
      <ActionError state={state} />
      <input type="hidden" name="id" value={material.id} />
      <input type="hidden" name="version" value={material.version} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id="edit-material-title"
          name="title"
          label="Title"
          maxLength={200}
          defaultValue={values?.title ?? material.title}
          error={errors.title}
        />
        <TextField
          id="edit-material-due"
          name="dueDate"
          type="date"
          label="Due date"
          defaultValue={values?.dueDate ?? material.dueDate ?? ''}
          error={errors.dueDate}
        />
        <TextField
          id="edit-material-tags"
          name="tags"
          label="Tags"
          hint="Separate tags with commas."
          defaultValue={values?.tags ?? material.tags.join(', ')}
          error={errors.tags}
        />
        <CampaignSelect
          id="edit-material-campaign"
          campaigns={campaigns}
          defaultValue={values?.campaignId ?? material.campaignId ?? ''}
          error={errors.campaignId}
        />
      </div>
      <MarkdownEditor
        id="edit-material-brief"
        name="brief"
        label="Brief (Markdown)"
        value={brief}
        onChange={setBrief}
        rows={8}
        hint="What it is for, who sees it, and what it must say."
        error={errors.brief}
      />
      <div>
        <SubmitButton variant="secondary" pendingLabel="Saving…">
          Save request
        </SubmitButton>
      </div>
    </form>
  );
}

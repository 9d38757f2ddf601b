'use client';

import { useRouter } from 'next/navigation';
import { ActionError } from '@/components/ui/action-error';
import { TextField } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import { formValuesAfter } from '@/lib/action-result';
import { createTemplateSchema, updateTemplateSchema } from '@/lib/validation/templates';
import { createTemplate, updateTemplate } from '@/server/templates/actions';
import { TemplateBodyEditor } from './template-body-editor';

export type TemplateValues = { name: string; category: string; body: string };

/** Writes a new template, or edits the working copy of one against the version it was read at. */
export function TemplateForm({
  template,
}: {
  template?: TemplateValues & { id: string; version: number };
}) {
  const router = useRouter();
  const [state, formAction] = useFormAction(
    async (_previous: unknown, formData: FormData) => {
      // The actions ignore the previous state; each is called with none.
      const result = template
        ? await updateTemplate(null, formData)
        : await createTemplate(null, formData);
      if (result.ok && !template) router.push(`/templates/${result.data.id}`);
      return result;
    },
    {
      schema: template ? updateTemplateSchema : createTemplateSchema,
      successMessage: () => (template ? 'Template saved.' : 'Template created.'),
    },
  );
  const errors = state?.ok === false ? (state.fieldErrors ?? {}) : {};
  const values: Partial<TemplateValues> = formValuesAfter(state, template ?? {});
  return (
    <form action={formAction} key={JSON.stringify(values)} className="space-y-4" noValidate>
      <ActionError state={state} />
      {template ? (
        <>
          <input type="hidden" name="templateId" value={template.id} />
          <input type="hidden" name="version" value={template.version} />
        </>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id="template-name"
          label="Template name"
          error={errors.name}
          name="name"
          defaultValue={values.name}
        />
        <TextField
          id="template-category"
          label="Category"
          error={errors.category}
          name="category"
          defaultValue={values.category}
          hint="Optional, e.g. Retainer or Project."
        />
      </div>
      <TemplateBodyEditor defaultValue={values.body ?? ''} error={errors.body} />
      <SubmitButton pendingLabel="Saving…">
        {template ? 'Save template' : 'Create template'}
      </SubmitButton>
    </form>
  );
}

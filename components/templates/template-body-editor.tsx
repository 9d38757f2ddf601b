'use client';

import { useRef, useState } from 'react';
import { Field, fieldAria, Textarea } from '@/components/ui/field';
import { Markdown } from '@/components/ui/markdown';
import { MergeFieldPicker } from './merge-field-picker';

/** The Markdown body of a template: a textarea with the field picker, beside a live preview. */
export function TemplateBodyEditor({
  defaultValue,
  error,
}: {
  defaultValue: string;
  error?: string[];
}) {
  const [body, setBody] = useState(defaultValue);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  return (
    <div className="space-y-4">
      <MergeFieldPicker textareaRef={textareaRef} onInsert={setBody} />
      <div className="grid gap-4 lg:grid-cols-2">
        <Field
          id="template-body"
          label="Body (Markdown)"
          error={error}
          hint="Headings with #, lists with -, bold with **text**. Merge fields are filled in when a proposal is drafted."
        >
          <Textarea
            id="template-body"
            ref={textareaRef}
            name="body"
            rows={20}
            value={body}
            onChange={(event) => setBody(event.target.value)}
            className="font-mono"
            {...fieldAria('template-body', error, true)}
          />
        </Field>
        <section aria-labelledby="template-preview-heading" className="space-y-1">
          <h3 id="template-preview-heading" className="text-sm font-medium text-slate-800">
            Preview
          </h3>
          <div className="min-h-40 rounded-md border border-slate-200 bg-slate-50 p-4">
            {body.trim() ? (
              <Markdown>{body}</Markdown>
            ) : (
              <p className="text-sm text-slate-500">The preview appears as you write.</p>
            )}
          </div>
        </section>
      </div>
    </div>
  );
}

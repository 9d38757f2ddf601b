'use client';

import type { Ref } from 'react';
import { Field, fieldAria, Textarea } from './field';
import { Markdown } from './markdown';

/**
 * A Markdown textarea beside its live preview; the caller owns the text, and may preview another
 * text made from it (`preview`, say with merge fields filled).
 */
export function MarkdownEditor({
  id,
  name,
  value,
  preview = value,
  onChange,
  hint,
  error,
  textareaRef,
  rows = 20,
  label = 'Body (Markdown)',
}: {
  id: string;
  name: string;
  value: string;
  preview?: string;
  onChange: (value: string) => void;
  hint: string;
  error?: string[];
  textareaRef?: Ref<HTMLTextAreaElement>;
  rows?: number;
  label?: string;
}) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Field id={id} label={label} error={error} hint={hint}>
        <Textarea
          id={id}
          ref={textareaRef}
          name={name}
          rows={rows}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          className="font-mono"
          {...fieldAria(id, error, true)}
        />
      </Field>
      <section aria-labelledby={`${id}-preview`} className="space-y-1">
        <h3 id={`${id}-preview`} className="text-sm font-medium text-slate-800">
          Preview
        </h3>
        <div className="min-h-40 rounded-md border border-slate-200 bg-slate-50 p-4">
          {preview.trim() ? (
            <Markdown>{preview}</Markdown>
          ) : (
            <p className="text-sm text-slate-500">The preview appears as you write.</p>
          )}
        </div>
      </section>
    </div>
  );
}

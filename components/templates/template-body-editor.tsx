'use client';

import { useRef, useState } from 'react';
import { MarkdownEditor } from '@/components/ui/markdown-editor';
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
      <MarkdownEditor
        id="template-body"
        name="body"
        value={body}
        onChange={setBody}
        error={error}
        textareaRef={textareaRef}
        hint="Headings with #, lists with -, bold with **text**. Merge fields are filled in when a proposal is drafted."
      />
    </div>
  );
}

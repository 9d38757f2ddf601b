'use client';

import type { RefObject } from 'react';
import { mergeFields, type MergeField } from '@/lib/merge-fields';

/**
 * Buttons that insert `{{field}}` into a textarea where its cursor is (replacing any selection),
 * then hand the new text to `onInsert` and put the cursor after what was inserted. The textarea
 * stays the one source of its text: a controlled one updates from `onInsert`.
 */
export function MergeFieldPicker({
  textareaRef,
  onInsert,
}: {
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  onInsert: (nextValue: string) => void;
}) {
  function insert(field: MergeField) {
    const textarea = textareaRef.current;
    if (!textarea) return;
    const token = `{{${field}}}`;
    const { selectionStart: start, selectionEnd: end, value } = textarea;
    onInsert(value.slice(0, start) + token + value.slice(end));
    const cursor = start + token.length;
    // After React has written the new value, put the cursor back where the author was typing.
    requestAnimationFrame(() => {
      textarea.focus();
      textarea.setSelectionRange(cursor, cursor);
    });
  }

  return (
    <div role="group" aria-labelledby="merge-field-picker-label" className="space-y-2">
      <p id="merge-field-picker-label" className="text-sm font-medium text-slate-800">
        Insert a merge field
      </p>
      <ul className="flex flex-wrap gap-2">
        {(Object.entries(mergeFields) as [MergeField, string][]).map(([field, label]) => (
          <li key={field}>
            <button
              type="button"
              onClick={() => insert(field)}
              className="rounded-md border border-slate-300 bg-white px-2 py-1 text-left text-xs text-slate-800 hover:bg-slate-50"
            >
              <span className="block font-medium">{label}</span>
              <code className="block text-slate-600">{`{{${field}}}`}</code>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

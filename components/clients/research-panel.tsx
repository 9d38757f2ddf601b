'use client';

import { ActionError } from '@/components/ui/action-error';
import { Card } from '@/components/ui/card';
import { Field, Select, TextareaField, TextField } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import { researchTopicLabels, researchTopics, type ResearchTopic } from '@/lib/clients';
import { formatDateTime, type ViewerFormat } from '@/lib/format';
import { researchNoteSchema } from '@/lib/validation/clients';
import { addResearchNote, deleteResearchNote } from '@/server/clients/actions';

export type ResearchItem = {
  id: string;
  topic: ResearchTopic;
  sourceUrl: string | null;
  summary: string;
  createdAt: Date;
  authorName: string | null;
  canDelete: boolean;
};

/** Only http(s) links become clickable; anything else is shown as text. */
function safeHref(url: string) {
  const withScheme = /^https?:\/\//i.test(url) ? url : `https://${url}`;
  try {
    const parsed = new URL(withScheme);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.toString() : null;
  } catch {
    return null;
  }
}

function DeleteNote({ clientId, noteId }: { clientId: string; noteId: string }) {
  const [state, formAction] = useFormAction(deleteResearchNote, {
    successMessage: () => 'Note deleted.',
  });
  return (
    <form action={formAction}>
      <ActionError state={state} />
      <input type="hidden" name="clientId" value={clientId} />
      <input type="hidden" name="noteId" value={noteId} />
      <SubmitButton variant="ghost" pendingLabel="Deleting…">
        Delete
      </SubmitButton>
    </form>
  );
}

export function ResearchPanel({
  clientId,
  notes,
  viewer,
}: {
  clientId: string;
  notes: ResearchItem[];
  viewer: ViewerFormat;
}) {
  const [state, formAction] = useFormAction(addResearchNote, {
    schema: researchNoteSchema,
    successMessage: () => 'Research note added.',
  });
  const errors = state?.ok === false ? (state.fieldErrors ?? {}) : {};
  const values = state?.ok === false ? (state.values ?? {}) : {};
  return (
    <Card title="Research">
      <form
        action={formAction}
        key={state?.ok ? 'added' : JSON.stringify(values)}
        className="space-y-3"
        noValidate
      >
        <ActionError state={state} />
        <input type="hidden" name="clientId" value={clientId} />
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id="research-topic" label="Topic" error={errors.topic}>
            <Select id="research-topic" name="topic" defaultValue={values.topic ?? 'company'}>
              {researchTopics.map((topic) => (
                <option key={topic} value={topic}>
                  {researchTopicLabels[topic]}
                </option>
              ))}
            </Select>
          </Field>
          <TextField
            id="research-source"
            label="Source URL"
            error={errors.sourceUrl}
            name="sourceUrl"
            defaultValue={values.sourceUrl}
          />
        </div>
        <TextareaField
          id="research-summary"
          label="Summary"
          error={errors.summary}
          name="summary"
          defaultValue={values.summary}
        />
        <SubmitButton pendingLabel="Adding…">Add research note</SubmitButton>
      </form>
      <ul className="mt-6 divide-y divide-slate-100">
        {notes.length === 0 ? <li className="text-sm text-slate-600">No research yet.</li> : null}
        {notes.map((note) => {
          const href = note.sourceUrl ? safeHref(note.sourceUrl) : null;
          return (
            <li key={note.id} className="flex justify-between gap-4 py-3 text-sm">
              <div>
                <p className="font-medium text-slate-900">{researchTopicLabels[note.topic]}</p>
                <p className="mt-1 whitespace-pre-line text-slate-700">{note.summary}</p>
                <p className="mt-1 text-xs text-slate-600">
                  {note.authorName ?? 'Someone'} · {formatDateTime(note.createdAt, viewer)}
                  {note.sourceUrl ? ' · ' : null}
                  {href ? (
                    <a
                      href={href}
                      target="_blank"
                      rel="noopener noreferrer nofollow"
                      className="text-brand-700 underline"
                    >
                      Source
                    </a>
                  ) : (
                    note.sourceUrl
                  )}
                </p>
              </div>
              {note.canDelete ? <DeleteNote clientId={clientId} noteId={note.id} /> : null}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

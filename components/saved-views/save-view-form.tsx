'use client';

import { useEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import type { SavedViewList } from '@/lib/saved-views';
import { createSavedView } from '@/server/saved-views/actions';
import { ViewNameField } from './view-name-field';

/** "Save as new": names the list's current state, and shares it with the team if asked. */
export function SaveViewForm({
  list,
  state,
  path,
  canShare,
  onCancel,
  onSaved,
}: {
  list: SavedViewList;
  state: string;
  path: string;
  canShare: boolean;
  onCancel: () => void;
  onSaved: (href: string) => void;
}) {
  const [result, formAction] = useFormAction(createSavedView, {
    successMessage: () => 'View saved.',
  });
  const handled = useRef<typeof result>(null);
  useEffect(() => {
    if (!result?.ok || handled.current === result) return;
    handled.current = result;
    const query = new URLSearchParams({ view: result.data.id });
    onSaved(`${path}?${query}${result.data.state ? `&${result.data.state}` : ''}`);
  }, [result, onSaved, path]);
  const nameError = result?.ok === false ? result.fieldErrors?.name : undefined;
  const stateError = result?.ok === false ? result.fieldErrors?.state?.[0] : undefined;
  return (
    <form
      action={formAction}
      aria-label="Save as a new view"
      className="flex flex-wrap items-end gap-3 rounded-md border border-slate-200 bg-slate-50 p-3"
    >
      <input type="hidden" name="list" value={list} />
      <input type="hidden" name="state" value={state} />
      <div className="space-y-1">
        <ViewNameField
          label="View name"
          defaultValue={result?.ok === false ? result.values?.name : undefined}
          error={nameError}
          className="w-56"
        />
      </div>
      {canShare ? (
        <label className="flex items-center gap-2 pb-2 text-sm text-slate-800">
          <input type="checkbox" name="shared" />
          Share with the team
        </label>
      ) : null}
      <div className="flex gap-2">
        <SubmitButton pendingLabel="Saving…">Save view</SubmitButton>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
      {result?.ok === false && !nameError ? (
        <div className="basis-full">
          <FormError message={stateError ?? result.error} />
        </div>
      ) : null}
    </form>
  );
}

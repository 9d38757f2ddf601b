'use client';

import { ChevronDown } from 'lucide-react';
import { Popover } from 'radix-ui';
import { useCallback, useEffect, useState, useTransition } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import type { ActionResult } from '@/lib/action-result';
import type { SavedViewList } from '@/lib/saved-views';
import {
  deleteSavedView,
  renameSavedView,
  setDefaultSavedView,
  shareSavedView,
} from '@/server/saved-views/actions';
import type { SavedViewTab } from '@/server/saved-views/queries';
import { ViewNameField } from './view-name-field';

const itemClasses =
  'block w-full rounded px-2 py-1.5 text-left text-sm text-slate-800 hover:bg-slate-100 focus:bg-slate-100';

type Mode = 'menu' | 'rename' | 'delete';

/** The small menu beside a view's tab: rename, share, open by default, delete. */
export function SavedViewMenu({
  tab,
  list,
  canShare,
  afterDelete,
}: {
  tab: SavedViewTab;
  list: SavedViewList;
  canShare: boolean;
  afterDelete: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<Mode>('menu');
  const [isPending, startTransition] = useTransition();
  // Radix's popover closes on Escape and a click outside, and gives focus back to the trigger.
  const close = useCallback(() => {
    setOpen(false);
    setMode('menu');
  }, []);

  const run = (action: () => Promise<ActionResult<unknown>>, success: string, then?: () => void) =>
    startTransition(async () => {
      const result = await action();
      if (!result.ok) {
        toast.error(result.error);
        return;
      }
      toast.success(success);
      close();
      then?.();
    });

  return (
    <Popover.Root open={open} onOpenChange={(next) => (next ? setOpen(true) : close())}>
      <Popover.Trigger
        aria-label={`Options for view ${tab.name}`}
        className="rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800"
      >
        <ChevronDown aria-hidden className="size-3.5" />
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="start"
          sideOffset={4}
          collisionPadding={8}
          aria-label={`View ${tab.name}`}
          className="z-50 w-60 rounded-md border border-slate-200 bg-white p-1 shadow-lg"
        >
          {mode === 'rename' ? (
            <RenameForm tab={tab} onDone={close} />
          ) : mode === 'delete' ? (
            <div className="space-y-2 p-2">
              <p className="text-sm text-slate-800">
                Delete “{tab.name}”{tab.shared ? ' for the whole team' : ''}?
              </p>
              <div className="flex gap-2">
                <Button
                  variant="danger"
                  className="py-1"
                  disabled={isPending}
                  onClick={() =>
                    run(() => deleteSavedView({ id: tab.id }), 'View deleted.', afterDelete)
                  }
                >
                  Delete view
                </Button>
                <Button variant="secondary" className="py-1" onClick={() => setMode('menu')}>
                  Keep
                </Button>
              </div>
            </div>
          ) : (
            <ul>
              {tab.mine ? (
                <li>
                  <button type="button" className={itemClasses} onClick={() => setMode('rename')}>
                    Rename
                  </button>
                </li>
              ) : null}
              {tab.mine && canShare ? (
                <li>
                  <button
                    type="button"
                    className={itemClasses}
                    disabled={isPending}
                    onClick={() =>
                      run(
                        () => shareSavedView({ id: tab.id, shared: !tab.shared }),
                        tab.shared ? 'The view is yours alone again.' : 'Shared with the team.',
                      )
                    }
                  >
                    {tab.shared ? 'Stop sharing' : 'Share with the team'}
                  </button>
                </li>
              ) : null}
              <li>
                <button
                  type="button"
                  className={itemClasses}
                  disabled={isPending}
                  onClick={() =>
                    run(
                      () => setDefaultSavedView({ list, id: tab.isDefault ? null : tab.id }),
                      tab.isDefault
                        ? 'The list opens with All again.'
                        : `The list now opens with “${tab.name}”.`,
                    )
                  }
                >
                  {tab.isDefault ? 'Stop opening by default' : 'Open by default'}
                </button>
              </li>
              {tab.canDelete ? (
                <li>
                  <button
                    type="button"
                    className={`${itemClasses} text-red-700`}
                    onClick={() => setMode('delete')}
                  >
                    Delete…
                  </button>
                </li>
              ) : null}
            </ul>
          )}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}

function RenameForm({ tab, onDone }: { tab: SavedViewTab; onDone: () => void }) {
  const [result, formAction] = useFormAction(renameSavedView, {
    successMessage: () => 'View renamed.',
  });
  useEffect(() => {
    if (result?.ok) onDone();
  }, [result, onDone]);
  const error = result?.ok === false ? (result.fieldErrors?.name ?? [result.error]) : undefined;
  return (
    <form action={formAction} className="space-y-2 p-2">
      <input type="hidden" name="id" value={tab.id} />
      <ViewNameField
        label="New name"
        defaultValue={result?.ok === false ? result.values?.name : tab.name}
        error={error}
      />
      <SubmitButton pendingLabel="Renaming…" className="py-1">
        Rename
      </SubmitButton>
    </form>
  );
}

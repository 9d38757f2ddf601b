'use client';

import { useEffect, useId, useRef, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { TextareaField } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-message';
import type { ActionResult } from '@/lib/action-result';

/**
 * Asks why a deal was lost before it moves to Lost: a modal dialog whose reason is required (the
 * server checks it again). `onConfirm` moves the deal and answers with the action's result.
 */
export function LostReasonDialog({
  dealName,
  onCancel,
  onConfirm,
}: {
  /** The deal being marked lost; null keeps the dialog closed. */
  dealName: string | null;
  onCancel: () => void;
  onConfirm: (reason: string) => Promise<ActionResult<unknown>>;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (dealName && !element.open) element.showModal();
    if (!dealName && element.open) element.close();
  }, [dealName]);

  const close = () => {
    setReason('');
    setError(null);
    onCancel();
  };

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
      className="m-auto w-full max-w-md rounded-lg border border-slate-200 p-5 shadow-xl backdrop:bg-slate-900/40"
    >
      <form
        noValidate
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          if (!reason.trim()) {
            setError('Say why the deal was lost.');
            return;
          }
          startTransition(async () => {
            const result = await onConfirm(reason.trim());
            if (result.ok) {
              setReason('');
              setError(null);
            } else {
              setError(result.fieldErrors?.lostReason?.join(' ') ?? result.error);
            }
          });
        }}
      >
        <h2 id={titleId} className="text-lg font-semibold text-slate-900">
          Mark {dealName ?? 'deal'} as lost
        </h2>
        <FormError message={error} />
        <TextareaField
          id={`${titleId}-reason`}
          label="Why was it lost?"
          value={reason}
          maxLength={500}
          required
          autoFocus
          error={error ? [error] : undefined}
          onChange={(event) => setReason(event.target.value)}
        />
        <div className="flex justify-end gap-3">
          <Button variant="ghost" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" disabled={isPending}>
            {isPending ? 'Saving…' : 'Mark lost'}
          </Button>
        </div>
      </form>
    </dialog>
  );
}

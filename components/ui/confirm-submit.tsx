'use client';

import { AlertDialog } from 'radix-ui';
import { useRef, type ReactNode } from 'react';
import { useFormStatus } from 'react-dom';
import { Button, buttonClasses, type ButtonVariant } from './button';

/**
 * A form's submit button that asks first, in an alert dialog: Cancel (or Escape) changes nothing
 * and returns focus to the button; the confirming button submits the form the button is in.
 */
export function ConfirmSubmit({
  children,
  pendingLabel,
  variant = 'danger',
  'aria-label': ariaLabel,
  title,
  description,
  confirmLabel,
}: {
  children: ReactNode;
  pendingLabel: string;
  variant?: ButtonVariant;
  'aria-label'?: string;
  title: string;
  description: ReactNode;
  confirmLabel: string;
}) {
  const { pending } = useFormStatus();
  const button = useRef<HTMLButtonElement>(null);
  return (
    <AlertDialog.Root>
      <AlertDialog.Trigger asChild>
        <Button ref={button} variant={variant} disabled={pending} aria-label={ariaLabel}>
          {pending ? pendingLabel : children}
        </Button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-50 bg-slate-900/40" />
        <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-xl">
          <AlertDialog.Title className="text-lg font-semibold text-slate-900">
            {title}
          </AlertDialog.Title>
          <AlertDialog.Description className="text-sm text-slate-600">
            {description}
          </AlertDialog.Description>
          <div className="flex justify-end gap-2">
            <AlertDialog.Cancel className={buttonClasses('secondary')}>Cancel</AlertDialog.Cancel>
            <AlertDialog.Action
              className={buttonClasses(variant === 'danger' ? 'danger' : 'primary')}
              onClick={() => button.current?.form?.requestSubmit()}
            >
              {confirmLabel}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}

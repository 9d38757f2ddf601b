'use client';

import { ActionError } from '@/components/ui/action-error';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import { createInvoice } from '@/server/invoices/actions';

/** Drafts a blank invoice for the client; the action opens it. */
export function NewInvoiceForm({ clientId }: { clientId: string }) {
  const [state, formAction] = useFormAction(createInvoice);
  return (
    <form action={formAction} className="space-y-3">
      <ActionError state={state} />
      <input type="hidden" name="clientId" value={clientId} />
      <SubmitButton pendingLabel="Drafting…">Draft invoice</SubmitButton>
    </form>
  );
}

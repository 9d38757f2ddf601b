'use client';

import { ActionError } from '@/components/ui/action-error';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import { createInvoice, createInvoiceFromContract } from '@/server/invoices/actions';

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

/** Drafts an invoice prefilled from a signed or active contract; the action opens it. */
export function InvoiceFromContractForm({ contractId }: { contractId: string }) {
  const [state, formAction] = useFormAction(createInvoiceFromContract);
  return (
    <form action={formAction} className="space-y-3">
      <ActionError state={state} />
      <input type="hidden" name="contractId" value={contractId} />
      <SubmitButton variant="secondary" pendingLabel="Drafting…">
        Invoice from this contract
      </SubmitButton>
    </form>
  );
}

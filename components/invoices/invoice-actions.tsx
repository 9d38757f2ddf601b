'use client';

import type { ReactNode } from 'react';
import { ActionError } from '@/components/ui/action-error';
import { Field, Select, TextField, fieldAria } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import type { FieldErrors, FormAction } from '@/lib/action-result';
import { paymentMethodLabels, paymentMethods } from '@/lib/invoices';
import {
  createCreditNote,
  issueInvoice,
  recordPayment,
  voidInvoice,
} from '@/server/invoices/actions';

type Target = { id: string; version: number };

/** One of the invoice's actions: its fields, the record it names, its error and its button. */
function InvoiceActionForm<T>({
  action,
  target,
  title,
  submitLabel,
  pendingLabel,
  successMessage,
  variant = 'primary',
  children,
}: {
  action: FormAction<T>;
  target: Target;
  title: string;
  submitLabel: string;
  pendingLabel: string;
  successMessage: string;
  variant?: 'primary' | 'secondary' | 'danger';
  children?: (errors: FieldErrors) => ReactNode;
}) {
  const [state, formAction] = useFormAction(action, { successMessage: () => successMessage });
  const errors = state?.ok === false ? (state.fieldErrors ?? {}) : {};
  return (
    <form
      action={formAction}
      aria-label={title}
      className="space-y-3 rounded-md border border-slate-200 p-4"
      noValidate
    >
      <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
      <ActionError state={state} onReload={() => window.location.reload()} />
      <input type="hidden" name="id" value={target.id} />
      <input type="hidden" name="version" value={target.version} />
      {children?.(errors)}
      <SubmitButton variant={variant} pendingLabel={pendingLabel}>
        {submitLabel}
      </SubmitButton>
    </form>
  );
}

export function IssueInvoiceForm({ target }: { target: Target }) {
  return (
    <InvoiceActionForm
      action={issueInvoice}
      target={target}
      title="Issue"
      submitLabel="Issue invoice"
      pendingLabel="Issuing…"
      successMessage="Invoice issued."
    />
  );
}

export function RecordPaymentForm({ target, today }: { target: Target; today: string }) {
  return (
    <InvoiceActionForm
      action={recordPayment}
      target={target}
      title="Record a payment"
      submitLabel="Record payment"
      pendingLabel="Recording…"
      successMessage="Payment recorded."
    >
      {(errors) => (
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            id="paidOn"
            name="paidOn"
            type="date"
            label="Paid on"
            defaultValue={today}
            error={errors.paidOn}
          />
          <TextField
            id="amount"
            name="amount"
            label="Amount"
            inputMode="decimal"
            error={errors.amount}
          />
          <Field id="method" label="Method" error={errors.method}>
            <Select
              id="method"
              name="method"
              defaultValue="bank_transfer"
              {...fieldAria('method', errors.method)}
            >
              {paymentMethods.map((method) => (
                <option key={method} value={method}>
                  {paymentMethodLabels[method]}
                </option>
              ))}
            </Select>
          </Field>
          <TextField id="reference" name="reference" label="Reference" error={errors.reference} />
        </div>
      )}
    </InvoiceActionForm>
  );
}

export function CreditNoteForm({ target }: { target: Target }) {
  return (
    <InvoiceActionForm
      action={createCreditNote}
      target={target}
      title="Credit note"
      submitLabel="Issue credit note"
      pendingLabel="Issuing…"
      successMessage="Credit note issued."
      variant="secondary"
    >
      {(errors) => (
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            id="credit-amount"
            name="amount"
            label="Amount to credit"
            inputMode="decimal"
            error={errors.amount}
          />
          <TextField id="credit-reason" name="reason" label="Reason" error={errors.reason} />
        </div>
      )}
    </InvoiceActionForm>
  );
}

export function VoidInvoiceForm({ target }: { target: Target }) {
  return (
    <InvoiceActionForm
      action={voidInvoice}
      target={target}
      title="Void"
      submitLabel="Void invoice"
      pendingLabel="Voiding…"
      successMessage="Invoice voided."
      variant="danger"
    >
      {(errors) => (
        <TextField id="void-reason" name="reason" label="Reason" error={errors.reason} />
      )}
    </InvoiceActionForm>
  );
}

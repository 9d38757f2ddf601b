'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ActionError } from '@/components/ui/action-error';
import { Field, fieldAria, Select, TextField } from '@/components/ui/field';
import { MarkdownEditor } from '@/components/ui/markdown-editor';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import { currencies } from '@/lib/clients';
import { noticeDeadline } from '@/lib/contracts';
import { updateContractSchema } from '@/lib/validation/contracts';
import { updateContract } from '@/server/contracts/actions';

export type ContractFormValues = {
  id: string;
  version: number;
  title: string;
  valueCents: number;
  currency: string;
  startDate: string | null;
  endDate: string | null;
  autoRenew: boolean;
  renewalTermMonths: number;
  noticePeriodDays: number;
  terms: string;
};

/** The draft's fields and terms; the notice deadline follows the end date and notice period. */
export function ContractForm({ contract }: { contract: ContractFormValues }) {
  const router = useRouter();
  const [state, formAction] = useFormAction(updateContract, {
    schema: updateContractSchema,
    successMessage: () => 'Contract saved.',
  });
  const values = state?.ok === false ? (state.values ?? {}) : {};
  const errors = state?.ok === false ? (state.fieldErrors ?? {}) : {};
  const [terms, setTerms] = useState(values.terms ?? contract.terms);
  const [endDate, setEndDate] = useState(values.endDate ?? contract.endDate ?? '');
  const [notice, setNotice] = useState(
    values.noticePeriodDays ?? String(contract.noticePeriodDays),
  );
  const deadline = noticeDeadline(endDate || null, Number(notice) || 0);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <ActionError state={state} onReload={() => router.refresh()} />
      <input type="hidden" name="id" value={contract.id} />
      <input type="hidden" name="version" value={contract.version} />
      <TextField
        id="contract-title"
        name="title"
        label="Title"
        maxLength={200}
        defaultValue={values.title ?? contract.title}
        error={errors.title}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id="contract-value"
          name="value"
          label="Value"
          inputMode="decimal"
          defaultValue={values.value ?? (contract.valueCents / 100).toFixed(2)}
          error={errors.value}
        />
        <Field id="contract-currency" label="Currency" error={errors.currency}>
          <Select
            id="contract-currency"
            name="currency"
            defaultValue={values.currency ?? contract.currency}
            {...fieldAria('contract-currency', errors.currency)}
          >
            {currencies.map((currency) => (
              <option key={currency}>{currency}</option>
            ))}
          </Select>
        </Field>
        <TextField
          id="contract-start"
          name="startDate"
          label="Start date"
          type="date"
          defaultValue={values.startDate ?? contract.startDate ?? ''}
          error={errors.startDate}
        />
        <TextField
          id="contract-end"
          name="endDate"
          label="End date"
          type="date"
          value={endDate}
          onChange={(event) => setEndDate(event.target.value)}
          error={errors.endDate}
        />
        <TextField
          id="contract-notice"
          name="noticePeriodDays"
          label="Notice period (days)"
          type="number"
          min={0}
          max={365}
          value={notice}
          onChange={(event) => setNotice(event.target.value)}
          error={errors.noticePeriodDays}
          hint={deadline ? `Notice deadline: ${deadline}` : 'Set an end date to see the deadline.'}
        />
        <TextField
          id="contract-renewal-term"
          name="renewalTermMonths"
          label="Renewal term (months)"
          type="number"
          min={1}
          max={120}
          defaultValue={values.renewalTermMonths ?? String(contract.renewalTermMonths)}
          error={errors.renewalTermMonths}
        />
      </div>
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input
          type="checkbox"
          name="autoRenew"
          defaultChecked={values.autoRenew ? values.autoRenew === 'on' : contract.autoRenew}
        />
        Renews automatically at the end of the term
      </label>
      <MarkdownEditor
        id="contract-terms"
        name="terms"
        label="Terms (Markdown)"
        value={terms}
        onChange={setTerms}
        rows={14}
        error={errors.terms}
        hint="Merge fields such as {{client.name}} are filled in when the contract is sent."
      />
      <SubmitButton pendingLabel="Saving…">Save contract</SubmitButton>
    </form>
  );
}

'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { ActionError } from '@/components/ui/action-error';
import { Card } from '@/components/ui/card';
import { ConfirmSubmit } from '@/components/ui/confirm-submit';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import { budgetEntryKindLabels } from '@/lib/campaigns';
import { formatDate, formatMoney, type ViewerFormat } from '@/lib/format';
import {
  addBudgetEntrySchema,
  deleteBudgetEntrySchema,
  updateBudgetEntrySchema,
} from '@/lib/validation/campaigns';
import { addBudgetEntry, deleteBudgetEntry, updateBudgetEntry } from '@/server/campaigns/actions';
import type { BudgetEntryOptions, BudgetEntryRow } from '@/server/campaigns/queries';
import { BudgetEntryFields } from './budget-entry-fields';

type Props = {
  campaignId: string;
  currency: string;
  entries: BudgetEntryRow[];
  options: BudgetEntryOptions;
  viewer: ViewerFormat;
  today: string;
};

function AddBudgetEntryForm({
  campaignId,
  options,
  today,
}: Pick<Props, 'campaignId' | 'options' | 'today'>) {
  const [state, formAction] = useFormAction(addBudgetEntry, {
    schema: addBudgetEntrySchema,
    successMessage: () => 'Budget entry added.',
  });
  const echoed = state?.ok === false ? (state.values ?? {}) : {};
  const errors = state?.ok === false ? (state.fieldErrors ?? {}) : {};
  return (
    <form
      // A fresh form after each entry added, so the next one starts blank.
      key={state?.ok ? JSON.stringify(state.data) : 'add'}
      action={formAction}
      className="space-y-4"
      noValidate
      aria-label="Add a budget entry"
    >
      <ActionError state={state} />
      <input type="hidden" name="campaignId" value={campaignId} />
      <BudgetEntryFields
        idPrefix="new-entry"
        entry={null}
        echoed={{ entryDate: today, ...echoed }}
        errors={errors}
        options={options}
      />
      <SubmitButton pendingLabel="Adding…">Add entry</SubmitButton>
    </form>
  );
}

function EditBudgetEntryForm({
  entry,
  options,
}: {
  entry: BudgetEntryRow;
  options: BudgetEntryOptions;
}) {
  const router = useRouter();
  const [state, formAction] = useFormAction(updateBudgetEntry, {
    schema: updateBudgetEntrySchema,
    successMessage: () => 'Budget entry saved.',
  });
  const echoed = state?.ok === false ? (state.values ?? {}) : {};
  const errors = state?.ok === false ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="space-y-4 pt-3" noValidate>
      <ActionError state={state} onReload={() => router.refresh()} />
      <input type="hidden" name="entryId" value={entry.id} />
      <input type="hidden" name="version" value={entry.version} />
      <BudgetEntryFields
        idPrefix={`entry-${entry.id}`}
        entry={entry}
        echoed={echoed}
        errors={errors}
        options={options}
      />
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        Save entry
      </SubmitButton>
    </form>
  );
}

function DeleteBudgetEntryForm({ entry, label }: { entry: BudgetEntryRow; label: string }) {
  const [state, formAction] = useFormAction(deleteBudgetEntry, {
    schema: deleteBudgetEntrySchema,
    successMessage: () => 'Budget entry deleted.',
  });
  return (
    <form action={formAction}>
      <ActionError state={state} />
      <input type="hidden" name="entryId" value={entry.id} />
      <input type="hidden" name="version" value={entry.version} />
      <ConfirmSubmit
        pendingLabel="Deleting…"
        aria-label={`Delete ${label}`}
        title="Delete this budget entry?"
        description={`${label} comes off the campaign's totals.`}
        confirmLabel="Delete entry"
      >
        Delete
      </ConfirmSubmit>
    </form>
  );
}

/** The campaign's budget entries, newest first, each editable and deletable, and a form for one more. */
export function BudgetEntries({ campaignId, currency, entries, options, viewer, today }: Props) {
  return (
    <Card title="Budget entries">
      {entries.length === 0 ? (
        <p className="text-sm text-slate-600">
          No entries yet. Add what is committed to or spent with suppliers.
        </p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="Budget entries">
          {entries.map((entry) => {
            const amount = formatMoney(entry.amountCents, currency, viewer.locale);
            const label = `${budgetEntryKindLabels[entry.kind]} ${amount}${entry.supplier ? ` with ${entry.supplier}` : ''}`;
            return (
              <li key={entry.id} className="py-3 text-sm">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div className="min-w-0 space-y-1">
                    <p className="font-medium break-words text-slate-900">{label}</p>
                    <p className="text-slate-600">
                      {formatDate(entry.entryDate, viewer)}
                      {entry.note ? ` · ${entry.note}` : ''}
                    </p>
                    {entry.documentId ? (
                      <a
                        href={`/documents/${entry.documentId}`}
                        className="block text-brand-700 hover:underline"
                      >
                        {entry.documentName}
                      </a>
                    ) : null}
                    {entry.invoiceId ? (
                      <Link
                        href={`/invoices/${entry.invoiceId}`}
                        className="block text-brand-700 hover:underline"
                      >
                        {entry.invoiceNumber ?? 'Draft invoice'}: {entry.invoiceLineDescription}
                      </Link>
                    ) : null}
                  </div>
                  <DeleteBudgetEntryForm entry={entry} label={label} />
                </div>
                <details className="mt-2">
                  <summary className="cursor-pointer text-brand-700">Edit entry</summary>
                  <EditBudgetEntryForm key={entry.version} entry={entry} options={options} />
                </details>
              </li>
            );
          })}
        </ul>
      )}
      <div className="mt-4 border-t border-slate-100 pt-4">
        <h3 className="mb-3 text-sm font-semibold text-slate-900">Add an entry</h3>
        <AddBudgetEntryForm campaignId={campaignId} options={options} today={today} />
      </div>
    </Card>
  );
}

import { Field, fieldAria, Select, TextField } from '@/components/ui/field';
import { budgetEntryKindLabels, budgetEntryKinds, type BudgetEntryKind } from '@/lib/campaigns';
import type { FieldErrors } from '@/lib/action-result';
import type { BudgetEntryOptions } from '@/server/campaigns/queries';

export type BudgetEntryValues = {
  kind: BudgetEntryKind;
  amountCents: number;
  entryDate: string;
  supplier: string | null;
  note: string | null;
  documentId: string | null;
  invoiceLineId: number | null;
};

/** The fields of a budget entry, shared by the add form and each entry's edit form. */
export function BudgetEntryFields({
  idPrefix,
  entry,
  echoed,
  errors,
  options,
}: {
  idPrefix: string;
  entry: BudgetEntryValues | null;
  echoed: Record<string, string>;
  errors: FieldErrors;
  options: BudgetEntryOptions;
}) {
  const id = (field: string) => `${idPrefix}-${field}`;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field id={id('kind')} label="Kind" error={errors.kind}>
        <Select
          id={id('kind')}
          name="kind"
          defaultValue={echoed.kind ?? entry?.kind ?? 'committed'}
          {...fieldAria(id('kind'), errors.kind)}
        >
          {budgetEntryKinds.map((kind) => (
            <option key={kind} value={kind}>
              {budgetEntryKindLabels[kind]}
            </option>
          ))}
        </Select>
      </Field>
      <TextField
        id={id('amount')}
        name="amount"
        label="Amount"
        inputMode="decimal"
        defaultValue={echoed.amount ?? (entry ? (entry.amountCents / 100).toFixed(2) : '')}
        error={errors.amount}
      />
      <TextField
        id={id('date')}
        name="entryDate"
        label="Date"
        type="date"
        defaultValue={echoed.entryDate ?? entry?.entryDate ?? ''}
        error={errors.entryDate}
      />
      <TextField
        id={id('supplier')}
        name="supplier"
        label="Supplier"
        maxLength={200}
        defaultValue={echoed.supplier ?? entry?.supplier ?? ''}
        error={errors.supplier}
      />
      <TextField
        id={id('note')}
        name="note"
        label="Note"
        maxLength={2000}
        defaultValue={echoed.note ?? entry?.note ?? ''}
        error={errors.note}
      />
      <Field
        id={id('document')}
        label="Quote or receipt"
        error={errors.documentId}
        hint={options.files.length === 0 ? 'File it under Files first to pick it here.' : undefined}
      >
        <Select
          id={id('document')}
          name="documentId"
          defaultValue={echoed.documentId ?? entry?.documentId ?? ''}
          {...fieldAria(id('document'), errors.documentId, options.files.length === 0)}
        >
          <option value="">None</option>
          {options.files.map((file) => (
            <option key={file.id} value={file.id}>
              {file.name} (v{file.versionNumber})
            </option>
          ))}
        </Select>
      </Field>
      <Field id={id('line')} label="Invoice line" error={errors.invoiceLineId}>
        <Select
          id={id('line')}
          name="invoiceLineId"
          defaultValue={
            echoed.invoiceLineId ?? (entry?.invoiceLineId ? String(entry.invoiceLineId) : '')
          }
          {...fieldAria(id('line'), errors.invoiceLineId)}
        >
          <option value="">None</option>
          {options.lines.map((line) => (
            <option key={line.id} value={line.id}>
              {line.invoiceNumber ?? 'Draft invoice'}: {line.description}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}

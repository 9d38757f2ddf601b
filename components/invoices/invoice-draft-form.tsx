'use client';

import { Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { ActionError } from '@/components/ui/action-error';
import { Button } from '@/components/ui/button';
import { Input, Select, TextareaField, TextField, fieldAria } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import { formatMoney } from '@/lib/format';
import { computeInvoiceTotals, formatRate, type TaxMode, type TaxRate } from '@/lib/invoices';
import { invoiceLineSchema, type InvoiceLineFields } from '@/lib/validation/invoices';
import { updateInvoiceDraft } from '@/server/invoices/actions';

export type DraftLine = InvoiceLineFields & { key: number };

/** The lines as the form would save them, for the running totals; unreadable rows count as zero. */
function previewTotals(lines: DraftLine[], taxRates: TaxRate[], mode: TaxMode) {
  return computeInvoiceTotals(
    lines.map((line) => {
      const parsed = invoiceLineSchema.safeParse(line);
      const rate = taxRates.find((candidate) => candidate.name === line.taxRateName);
      return {
        quantityMilli: parsed.success ? parsed.data.quantity : 0,
        unitPriceCents: parsed.success ? parsed.data.unitPrice : 0,
        discountBasisPoints: parsed.success ? parsed.data.discount : 0,
        taxRateName: line.taxRateName,
        taxRateBasisPoints: rate?.rateBasisPoints ?? 0,
      };
    }),
    mode,
  );
}

export function InvoiceDraftForm({
  invoice,
  initialLines,
  taxRates,
  locale,
}: {
  invoice: {
    id: string;
    version: number;
    currency: string;
    poNumber: string | null;
    notes: string | null;
    paymentTermsDays: number;
    taxRounding: TaxMode['rounding'];
    pricesIncludeTax: boolean;
  };
  initialLines: InvoiceLineFields[];
  taxRates: TaxRate[];
  locale: string;
}) {
  const [state, formAction] = useFormAction(updateInvoiceDraft, {
    successMessage: () => 'Draft saved.',
  });
  const firstRate = taxRates[0]?.name ?? '';
  const blank = (key: number): DraftLine => ({
    key,
    description: '',
    quantity: '1',
    unitPrice: '',
    discount: '',
    taxRateName: firstRate,
  });
  const [lines, setLines] = useState<DraftLine[]>(() =>
    initialLines.length > 0 ? initialLines.map((line, key) => ({ ...line, key })) : [blank(0)],
  );
  const [nextKey, setNextKey] = useState(lines.length);
  const errors = state?.ok === false ? (state.fieldErrors ?? {}) : {};
  const values = state?.ok === false ? state.values : undefined;
  const totals = previewTotals(lines, taxRates, {
    rounding: invoice.taxRounding,
    pricesIncludeTax: invoice.pricesIncludeTax,
  });
  const money = (cents: number) => formatMoney(cents, invoice.currency, locale);
  const update = (key: number, field: keyof InvoiceLineFields, value: string) =>
    setLines((current) =>
      current.map((line) => (line.key === key ? { ...line, [field]: value } : line)),
    );
  const payload = JSON.stringify(lines.map(({ key: _key, ...line }) => line));

  return (
    <form action={formAction} className="space-y-5" noValidate>
      <ActionError state={state} onReload={() => window.location.reload()} />
      <input type="hidden" name="id" value={invoice.id} />
      <input type="hidden" name="version" value={invoice.version} />
      <input type="hidden" name="lines" value={payload} />
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-900">Lines</legend>
        {errors.lines ? <p className="text-sm text-red-700">{errors.lines.join(' ')}</p> : null}
        {lines.map((line, index) => {
          const id = (field: string) => `line-${line.key}-${field}`;
          const rowError = errors[`lines.${index}.taxRateName`];
          return (
            <div
              key={line.key}
              role="group"
              aria-label={`Line ${index + 1}`}
              className="grid grid-cols-2 gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-12"
            >
              <div className="col-span-2 sm:col-span-4">
                <label htmlFor={id('description')} className="text-xs font-medium text-slate-600">
                  Description
                </label>
                <Input
                  id={id('description')}
                  value={line.description}
                  onChange={(event) => update(line.key, 'description', event.target.value)}
                />
              </div>
              <div className="sm:col-span-2">
                <label htmlFor={id('quantity')} className="text-xs font-medium text-slate-600">
                  Quantity
                </label>
                <Input
                  id={id('quantity')}
                  inputMode="decimal"
                  value={line.quantity}
                  onChange={(event) => update(line.key, 'quantity', event.target.value)}
                />
              </div>
              <div className="sm:col-span-2">
                <label htmlFor={id('price')} className="text-xs font-medium text-slate-600">
                  Unit price
                </label>
                <Input
                  id={id('price')}
                  inputMode="decimal"
                  value={line.unitPrice}
                  onChange={(event) => update(line.key, 'unitPrice', event.target.value)}
                />
              </div>
              <div className="sm:col-span-1">
                <label htmlFor={id('discount')} className="text-xs font-medium text-slate-600">
                  Discount %
                </label>
                <Input
                  id={id('discount')}
                  inputMode="decimal"
                  value={line.discount}
                  onChange={(event) => update(line.key, 'discount', event.target.value)}
                />
              </div>
              <div className="sm:col-span-2">
                <label htmlFor={id('tax')} className="text-xs font-medium text-slate-600">
                  Tax rate
                </label>
                <Select
                  id={id('tax')}
                  value={line.taxRateName}
                  onChange={(event) => update(line.key, 'taxRateName', event.target.value)}
                  {...fieldAria(id('tax'), rowError)}
                >
                  {taxRates.map((rate) => (
                    <option key={rate.name} value={rate.name}>
                      {rate.name} ({formatRate(rate.rateBasisPoints, locale)})
                    </option>
                  ))}
                </Select>
                {rowError ? (
                  <p id={`${id('tax')}-error`} className="text-xs text-red-700">
                    {rowError.join(' ')}
                  </p>
                ) : null}
              </div>
              <div className="flex items-end justify-between gap-2 sm:col-span-1 sm:flex-col sm:items-end">
                <span className="text-sm text-slate-700">
                  {money(totals.lineAmounts[index] ?? 0)}
                </span>
                <Button
                  type="button"
                  variant="ghost"
                  aria-label={`Remove line ${index + 1}`}
                  onClick={() =>
                    setLines((current) => current.filter((row) => row.key !== line.key))
                  }
                >
                  <Trash2 aria-hidden className="size-4" />
                </Button>
              </div>
            </div>
          );
        })}
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            setLines((current) => [...current, blank(nextKey)]);
            setNextKey((key) => key + 1);
          }}
        >
          <Plus aria-hidden className="size-4" /> Add line
        </Button>
      </fieldset>
      <dl className="ml-auto grid max-w-sm grid-cols-2 gap-1 text-sm">
        {totals.taxSummary.map((row) => (
          <div key={row.taxRateName} className="contents">
            <dt className="text-slate-600">
              {row.taxRateName} {formatRate(row.taxRateBasisPoints, locale)} on{' '}
              {money(row.netCents)}
            </dt>
            <dd className="text-right">{money(row.taxCents)}</dd>
          </div>
        ))}
        <dt className="text-slate-600">Subtotal</dt>
        <dd className="text-right">{money(totals.subtotalCents)}</dd>
        <dt className="text-slate-600">Tax</dt>
        <dd className="text-right">{money(totals.taxCents)}</dd>
        <dt className="font-semibold">Total</dt>
        <dd className="text-right font-semibold">{money(totals.totalCents)}</dd>
      </dl>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id="poNumber"
          name="poNumber"
          label="PO number"
          defaultValue={values?.poNumber ?? invoice.poNumber ?? ''}
          error={errors.poNumber}
        />
        <TextField
          id="paymentTermsDays"
          name="paymentTermsDays"
          label="Payment terms (days)"
          inputMode="numeric"
          defaultValue={values?.paymentTermsDays ?? String(invoice.paymentTermsDays)}
          error={errors.paymentTermsDays}
          hint="The due date is this many days after the issue date."
        />
      </div>
      <TextareaField
        id="notes"
        name="notes"
        label="Notes"
        defaultValue={values?.notes ?? invoice.notes ?? ''}
        error={errors.notes}
      />
      <SubmitButton pendingLabel="Saving…">Save draft</SubmitButton>
    </form>
  );
}

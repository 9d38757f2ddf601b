'use client';

import { ActionError } from '@/components/ui/action-error';
import { Field, Input, Select, TextareaField, TextField, fieldAria } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import { SettingsForm } from '@/components/settings/settings-form';
import {
  companyDetailsSchema,
  invoiceSettingsSchema,
  maxLogoBytes,
  type CompanyDetails,
  type InvoiceSettings,
} from '@/lib/validation/invoices';
import {
  saveCompanyDetails,
  saveCompanyLogo,
  saveInvoiceSettings,
} from '@/server/invoices/actions';

/** Admin → Settings: tax rates, prices, rounding, number prefixes and payment terms. */
export function InvoiceSettingsForm({ settings }: { settings: InvoiceSettings }) {
  const rates = settings.taxRates
    .map((rate) => `${rate.name} ${rate.rateBasisPoints / 100}`)
    .join('\n');
  return (
    <SettingsForm
      action={saveInvoiceSettings}
      schema={invoiceSettingsSchema}
      savedMessage="Invoice settings saved."
      settings={settings}
      submitLabel="Save invoice settings"
    >
      {({ errors, values }) => (
        <>
          <TextareaField
            id="invoice-taxRates"
            name="taxRates"
            label="Tax rates"
            rows={4}
            defaultValue={values?.taxRates ?? rates}
            error={errors.taxRates}
            hint="One a line: a name and a percent, e.g. “Standard 20”."
          />
          <Field id="invoice-prices" label="Prices" error={errors.pricesIncludeTax}>
            <Select
              id="invoice-prices"
              name="pricesIncludeTax"
              defaultValue={
                values?.pricesIncludeTax ?? (settings.pricesIncludeTax ? 'inclusive' : 'exclusive')
              }
              {...fieldAria('invoice-prices', errors.pricesIncludeTax)}
            >
              <option value="exclusive">Exclusive of tax</option>
              <option value="inclusive">Inclusive of tax</option>
            </Select>
          </Field>
          <Field id="invoice-rounding" label="Tax rounding" error={errors.taxRounding}>
            <Select
              id="invoice-rounding"
              name="taxRounding"
              defaultValue={values?.taxRounding ?? settings.taxRounding}
              {...fieldAria('invoice-rounding', errors.taxRounding)}
            >
              <option value="line">Per line</option>
              <option value="total">On the total, per rate</option>
            </Select>
          </Field>
          <div className="grid gap-4 sm:grid-cols-3">
            <TextField
              id="invoice-invoicePrefix"
              name="invoicePrefix"
              label="Invoice prefix"
              defaultValue={values?.invoicePrefix ?? settings.invoicePrefix}
              error={errors.invoicePrefix}
            />
            <TextField
              id="invoice-creditNotePrefix"
              name="creditNotePrefix"
              label="Credit-note prefix"
              defaultValue={values?.creditNotePrefix ?? settings.creditNotePrefix}
              error={errors.creditNotePrefix}
            />
            <TextField
              id="invoice-paymentTermsDays"
              name="paymentTermsDays"
              label="Payment terms (days)"
              type="number"
              min={0}
              max={365}
              defaultValue={values?.paymentTermsDays ?? settings.paymentTermsDays}
              error={errors.paymentTermsDays}
            />
          </div>
        </>
      )}
    </SettingsForm>
  );
}

/** Admin → Settings: the company's details printed on every invoice. */
export function CompanyDetailsForm({ details }: { details: CompanyDetails }) {
  return (
    <SettingsForm
      action={saveCompanyDetails}
      schema={companyDetailsSchema}
      savedMessage="Company details saved."
      settings={details}
      submitLabel="Save company details"
    >
      {({ errors, values }) => (
        <>
          <TextField
            id="company-name"
            name="name"
            label="Company name"
            defaultValue={values?.name ?? details.name}
            error={errors.name}
          />
          <TextareaField
            id="company-address"
            name="address"
            label="Address"
            defaultValue={values?.address ?? details.address}
            error={errors.address}
          />
          <TextField
            id="company-taxId"
            name="taxId"
            label="Tax id"
            defaultValue={values?.taxId ?? details.taxId}
            error={errors.taxId}
          />
          <TextareaField
            id="company-bankDetails"
            name="bankDetails"
            label="Bank details"
            defaultValue={values?.bankDetails ?? details.bankDetails}
            error={errors.bankDetails}
          />
        </>
      )}
    </SettingsForm>
  );
}

/** Admin → Settings: the logo on invoices, a PNG or JPEG kept small. */
export function CompanyLogoForm({ hasLogo }: { hasLogo: boolean }) {
  const [state, formAction] = useFormAction(saveCompanyLogo, {
    successMessage: () => 'Logo saved.',
  });
  const errors = state?.ok === false ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="grid max-w-xl gap-4" noValidate>
      <ActionError state={state} />
      <Field
        id="company-logo"
        label={hasLogo ? 'Replace the logo' : 'Logo'}
        error={errors.logo}
        hint={`PNG or JPEG, at most ${maxLogoBytes / 1024} KB.`}
      >
        <Input
          id="company-logo"
          name="logo"
          type="file"
          accept="image/png,image/jpeg"
          {...fieldAria('company-logo', errors.logo, true)}
        />
      </Field>
      <div>
        <SubmitButton pendingLabel="Uploading…">Upload logo</SubmitButton>
      </div>
    </form>
  );
}

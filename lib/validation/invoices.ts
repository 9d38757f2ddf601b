import { z } from 'zod';
import { invoiceStatuses, paymentMethods, taxRoundings } from '@/lib/invoices';
import { withoutNulCharacters } from '../form-data';
import { moneyCents, optionalText } from './fields';
import { listParamsSchema } from './list-params';

const invoiceId = z.uuid('This invoice does not exist.');
const version = z.coerce.number().int().min(1);
const isoDate = (message: string) => z.string().trim().pipe(z.iso.date(message));

export const createInvoiceSchema = z.object({
  clientId: z.uuid('Choose a client.'),
});

export const createInvoiceFromContractSchema = z.object({
  contractId: z.uuid('This contract does not exist.'),
});

/** "1.5" → 1500 thousandths; at most three decimals, more than zero. */
const quantityMilli = z
  .string()
  .trim()
  .regex(/^\d{1,7}(\.\d{1,3})?$/, 'Enter a quantity like 1, 2.5 or 0.125.')
  .transform((value) => Math.round(Number(value) * 1000))
  .refine((value) => value > 0, 'Enter a quantity above zero.');

/** "12.5" (percent) → 1250 basis points. */
const discountBasisPoints = z
  .string()
  .trim()
  .transform((value) => value || '0')
  .pipe(
    z
      .string()
      .regex(/^\d{1,3}(\.\d{1,2})?$/, 'Enter a discount like 10 or 12.5 (percent).')
      .transform((value) => Math.round(Number(value) * 100))
      .refine((value) => value <= 10_000, 'A discount is at most 100 %.'),
  );

export const invoiceLineSchema = z.object({
  description: z
    .string()
    .trim()
    .min(1, 'Describe the line.')
    .max(500, 'Use at most 500 characters.'),
  quantity: quantityMilli,
  unitPrice: moneyCents,
  discount: discountBasisPoints,
  taxRateName: z.string().trim().min(1, 'Choose a tax rate.').max(60),
});
export type InvoiceLineFields = z.input<typeof invoiceLineSchema>;

/** The lines editor posts its rows as one JSON field; each row is checked like a form. */
const linesField = z
  .string()
  .transform((value, context) => {
    try {
      // JSON can spell a NUL as `\u0000`, out of sight of the filter on the raw input.
      return withoutNulCharacters(JSON.parse(value) as unknown);
    } catch {
      context.addIssue({ code: 'custom', message: 'The lines could not be read.' });
      return z.NEVER;
    }
  })
  .pipe(
    z.array(invoiceLineSchema, 'The lines could not be read.').max(200, 'Use at most 200 lines.'),
  );

export const updateInvoiceDraftSchema = z.object({
  id: invoiceId,
  version,
  poNumber: optionalText(60),
  notes: optionalText(2000),
  paymentTermsDays: z.coerce
    .number({ error: 'Enter a number of days.' })
    .int('Enter whole days.')
    .min(0, 'Use 0 or more days.')
    .max(365, 'Use at most 365 days.'),
  lines: linesField,
});

export const issueInvoiceSchema = z.object({ id: invoiceId, version });

export const voidInvoiceSchema = z.object({
  id: invoiceId,
  version,
  reason: z.string().trim().min(3, 'Say why the invoice is void.').max(500),
});

export const creditNoteSchema = z.object({
  id: invoiceId,
  version,
  amount: moneyCents.refine((value) => value > 0, 'Enter an amount above zero.'),
  reason: z.string().trim().min(3, 'Say why the invoice is credited.').max(500),
});

export const recordPaymentSchema = z.object({
  id: invoiceId,
  version,
  paidOn: isoDate('Enter the payment date.'),
  amount: moneyCents.refine((value) => value > 0, 'Enter an amount above zero.'),
  method: z.enum(paymentMethods, 'Choose how it was paid.'),
  reference: optionalText(120),
});

export const invoiceSortColumns = [
  'number',
  'client',
  'issueDate',
  'dueDate',
  'total',
  'balance',
  'status',
  'createdAt',
] as const;
export type InvoiceSort = (typeof invoiceSortColumns)[number];

const optionalIsoDate = z.iso.date().optional().catch(undefined);

export const invoiceListSchema = listParamsSchema(invoiceSortColumns, {
  sort: 'createdAt',
  dir: 'desc',
}).extend({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(invoiceStatuses).optional().catch(undefined),
  overdue: z.literal('1').optional().catch(undefined),
  client: z.uuid().optional().catch(undefined),
  from: optionalIsoDate,
  to: optionalIsoDate,
});
export type InvoiceListParams = z.output<typeof invoiceListSchema>;

export const agingParamsSchema = z.object({
  asOf: optionalIsoDate,
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type InvoiceSettings = {
  taxRates: { name: string; rateBasisPoints: number }[];
  pricesIncludeTax: boolean;
  taxRounding: (typeof taxRoundings)[number];
  invoicePrefix: string;
  creditNotePrefix: string;
  paymentTermsDays: number;
};

export const defaultInvoiceSettings: InvoiceSettings = {
  taxRates: [
    { name: 'Standard', rateBasisPoints: 2000 },
    { name: 'Reduced', rateBasisPoints: 500 },
    { name: 'Zero', rateBasisPoints: 0 },
  ],
  pricesIncludeTax: false,
  taxRounding: 'line',
  invoicePrefix: 'INV',
  creditNotePrefix: 'CN',
  paymentTermsDays: 30,
};

const prefix = z
  .string()
  .trim()
  .regex(/^[A-Z0-9]{1,10}$/, 'Use 1 to 10 capital letters or digits.');

/** Tax rates typed one a line as "Standard 20", "Reduced 5.5". */
const taxRatesField = z
  .string()
  .transform((value, context) => {
    const rates: InvoiceSettings['taxRates'] = [];
    for (const line of value.split(/\r?\n/).map((entry) => entry.trim())) {
      if (!line) continue;
      const match = /^(.{1,60}?)\s+(\d{1,2}(?:\.\d{1,2})?)\s*%?$/.exec(line);
      if (!match?.[1] || !match[2]) {
        context.addIssue({ code: 'custom', message: `Write “${line}” as a name and a percent.` });
        return z.NEVER;
      }
      rates.push({ name: match[1], rateBasisPoints: Math.round(Number(match[2]) * 100) });
    }
    return rates;
  })
  .pipe(
    z
      .array(z.object({ name: z.string(), rateBasisPoints: z.number() }))
      .min(1, 'Keep at least one tax rate.')
      .max(20, 'Use at most 20 rates.')
      .refine(
        (rates) => new Set(rates.map((rate) => rate.name.toLowerCase())).size === rates.length,
        'Give each rate its own name.',
      ),
  );

export const invoiceSettingsSchema = z.object({
  taxRates: taxRatesField,
  pricesIncludeTax: z.enum(['exclusive', 'inclusive']).transform((value) => value === 'inclusive'),
  taxRounding: z.enum(taxRoundings, 'Choose how tax is rounded.'),
  invoicePrefix: prefix,
  creditNotePrefix: prefix,
  paymentTermsDays: z.coerce
    .number({ error: 'Enter a number of days.' })
    .int('Enter whole days.')
    .min(0, 'Use 0 or more days.')
    .max(365, 'Use at most 365 days.'),
});

export type CompanyDetails = {
  name: string;
  address: string;
  taxId: string;
  bankDetails: string;
};

export const defaultCompanyDetails: CompanyDetails = {
  name: 'Accord Agency',
  address: '',
  taxId: '',
  bankDetails: '',
};

export const companyDetailsSchema = z.object({
  name: z.string().trim().min(1, 'Enter the company name.').max(200),
  address: z.string().trim().max(1000, 'Use at most 1000 characters.'),
  taxId: z.string().trim().max(60, 'Use at most 60 characters.'),
  bankDetails: z.string().trim().max(1000, 'Use at most 1000 characters.'),
});

/** The logo is kept small: it sits in the database and on every invoice PDF. */
export const maxLogoBytes = 200 * 1024;

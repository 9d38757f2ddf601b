import { z } from 'zod';
import {
  applyValueMap,
  matchEnumValue,
  valueMapSchema,
  type ValueMap,
} from './client-import-values';
import { clientStatuses, clientTiers, industries } from './clients';

/** The Accord fields a CSV column can fill, in the order the mapping screen lists them. */
export const importFields = {
  name: 'Client name',
  website: 'Website or domain',
  industry: 'Industry',
  phone: 'Phone',
  status: 'Status',
  tier: 'Tier',
  annualValue: 'Annual value',
  notes: 'Notes',
  billingStreet: 'Billing street',
  billingStreet2: 'Billing street, line 2',
  billingCity: 'Billing city',
  billingRegion: 'Billing state or region',
  billingPostalCode: 'Billing postal code',
  billingCountry: 'Billing country',
  contactName: 'Contact full name',
  contactFirstName: 'Contact first name',
  contactLastName: 'Contact last name',
  contactEmail: 'Contact e-mail',
  contactPhone: 'Contact phone',
  contactTitle: 'Contact title',
} as const;
export type ImportField = keyof typeof importFields;

// Header spellings seen in other CRMs' exports (HubSpot, Salesforce, Pipedrive, Zoho), compared
// without case, spaces or punctuation.
const headerAliases: Record<ImportField, string[]> = {
  name: [
    'companyname',
    'company',
    'accountname',
    'account',
    'organization',
    'organisation',
    'organizationname',
    'name',
    'clientname',
    'client',
  ],
  website: ['website', 'websiteurl', 'domain', 'companydomainname', 'companydomain', 'url', 'web'],
  industry: ['industry', 'sector', 'vertical'],
  phone: ['phone', 'phonenumber', 'companyphone', 'mainphone', 'accountphone'],
  status: ['status', 'lifecyclestage', 'accountstatus', 'type'],
  tier: ['tier', 'segment', 'accounttier', 'priority'],
  annualValue: ['annualvalue', 'annualrevenue', 'revenue', 'value', 'dealvalue', 'contractvalue'],
  notes: ['notes', 'description', 'about', 'comments'],
  billingStreet: [
    'billingstreet',
    'street',
    'streetaddress',
    'address',
    'address1',
    'addressline1',
    'billingaddress',
    'billingaddressline1',
    'mailingstreet',
  ],
  billingStreet2: ['streetaddress2', 'address2', 'addressline2', 'billingaddressline2', 'street2'],
  billingCity: ['billingcity', 'city', 'town', 'mailingcity'],
  billingRegion: [
    'billingstate',
    'billingstateprovince',
    'state',
    'stateregion',
    'region',
    'province',
    'stateprovince',
    'county',
    'mailingstate',
  ],
  billingPostalCode: [
    'billingzippostalcode',
    'billingpostalcode',
    'billingzip',
    'postalcode',
    'postcode',
    'zip',
    'zipcode',
    'zippostalcode',
    'mailingzippostalcode',
  ],
  billingCountry: ['billingcountry', 'country', 'countryregion', 'mailingcountry'],
  contactName: ['contactname', 'fullname', 'contact', 'primarycontact'],
  contactFirstName: ['firstname', 'contactfirstname', 'givenname'],
  contactLastName: ['lastname', 'contactlastname', 'surname', 'familyname'],
  contactEmail: ['email', 'emailaddress', 'contactemail', 'workemail', 'primaryemail'],
  contactPhone: ['contactphone', 'mobilephone', 'mobile', 'directphone'],
  contactTitle: ['title', 'jobtitle', 'contacttitle', 'position', 'role'],
};

const normalizeHeader = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Guesses which Accord field each CSV header fills; each field is used at most once. */
export function autoMapHeaders(headers: string[]): Record<string, ImportField | ''> {
  const mapping: Record<string, ImportField | ''> = {};
  const used = new Set<ImportField>();
  for (const header of headers) {
    const normalized = normalizeHeader(header);
    const field = (Object.keys(headerAliases) as ImportField[]).find(
      (candidate) => !used.has(candidate) && headerAliases[candidate].includes(normalized),
    );
    mapping[header] = field ?? '';
    if (field) used.add(field);
  }
  return mapping;
}

/** "https://www.Acme.com/about" → "acme.com", so duplicates are found however a site is written. */
export function normalizeDomain(value: string) {
  return value
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[/?#].*$/, '');
}

const optional = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} is longer than ${max} characters.`)
    .transform((value) => value || null)
    .optional();

const enumValue = <T extends readonly [string, ...string[]]>(
  field: 'industry' | 'status' | 'tier',
  values: T,
  label: string,
) =>
  z
    .string()
    .trim()
    .transform((value, context): string | null => {
      if (!value) return null;
      const matched = matchEnumValue(field, value);
      if (matched) return matched;
      context.addIssue({
        code: 'custom',
        message: `${label} “${value}” is not one of Accord’s: match it to one, or leave it empty.`,
      });
      return z.NEVER;
    })
    .pipe(z.enum(values).nullable())
    .optional();

/** "Street, City, ST 12345, Country" as the lines of a billing address, or null when all are empty. */
export function composeBillingAddress(parts: {
  billingStreet?: string | null;
  billingStreet2?: string | null;
  billingCity?: string | null;
  billingRegion?: string | null;
  billingPostalCode?: string | null;
  billingCountry?: string | null;
}) {
  const regionLine = [parts.billingRegion, parts.billingPostalCode].filter(Boolean).join(' ');
  const lines = [
    parts.billingStreet,
    parts.billingStreet2,
    [parts.billingCity, regionLine].filter(Boolean).join(', '),
    parts.billingCountry,
  ].filter(Boolean);
  return lines.length ? lines.join('\n') : null;
}

/** One CSV row after mapping, checked the same way in the browser preview and on the server. */
export const importRowSchema = z
  .object({
    name: z
      .string({ error: 'Client name is missing.' })
      .trim()
      .min(1, 'Client name is missing.')
      .max(200, 'Client name is longer than 200 characters.'),
    website: z
      .string()
      .trim()
      .transform((value) => (value ? normalizeDomain(value) : null))
      .pipe(
        z
          .string()
          .regex(/^[\w-]+(\.[\w-]+)+$/, 'Website is not a web address.')
          .max(255)
          .nullable(),
      )
      .optional(),
    industry: enumValue('industry', industries, 'Industry'),
    phone: optional(40, 'Phone'),
    status: enumValue('status', clientStatuses, 'Status'),
    tier: enumValue('tier', clientTiers, 'Tier'),
    annualValue: z
      .string()
      .trim()
      .transform((value) => value.replace(/[$€£,\s]/g, ''))
      .pipe(z.string().regex(/^(\d{1,13}(\.\d{1,2})?)?$/, 'Annual value is not an amount.'))
      .transform((value) => (value ? Math.round(Number(value) * 100) : 0))
      .optional(),
    notes: optional(5000, 'Notes'),
    billingStreet: optional(200, 'Billing street'),
    billingStreet2: optional(200, 'Billing street, line 2'),
    billingCity: optional(100, 'Billing city'),
    billingRegion: optional(100, 'Billing state or region'),
    billingPostalCode: optional(20, 'Billing postal code'),
    billingCountry: optional(100, 'Billing country'),
    contactName: optional(160, 'Contact name'),
    contactFirstName: optional(80, 'Contact first name'),
    contactLastName: optional(80, 'Contact last name'),
    contactEmail: z
      .string()
      .trim()
      .toLowerCase()
      .transform((value) => value || null)
      .pipe(z.email('Contact e-mail is not an e-mail address.').nullable())
      .optional(),
    contactPhone: optional(40, 'Contact phone'),
    contactTitle: optional(120, 'Contact title'),
  })
  .transform((row, context) => {
    const billingAddress = composeBillingAddress(row);
    // The client form allows 500 characters; the parts alone may each be within their limits.
    if (billingAddress && billingAddress.length > 500) {
      context.addIssue({
        code: 'custom',
        message: 'Billing address is longer than 500 characters.',
      });
      return z.NEVER;
    }
    return {
      ...row,
      contactName:
        row.contactName ??
        ([row.contactFirstName, row.contactLastName].filter(Boolean).join(' ') || null),
      billingAddress,
    };
  });
export type ImportRow = z.output<typeof importRowSchema>;

/** Checks one mapped row after the user's value choices; the problems read as one sentence. */
export function checkImportRow(row: Record<string, string>, values: ValueMap) {
  const parsed = importRowSchema.safeParse(applyValueMap(row, values));
  return parsed.success
    ? ({ ok: true, data: parsed.data } as const)
    : ({
        ok: false,
        message: parsed.error.issues.map((issue) => issue.message).join(' '),
      } as const);
}

export type ColumnMapping = Record<string, ImportField | ''>;

/**
 * The file's rows keyed by the Accord field their columns fill. With `appendUnmapped`, each
 * column left unmatched adds a "Column: value" line to the notes, in the file's column order.
 */
export function mapImportRows(
  headers: string[],
  rows: Record<string, string>[],
  columns: ColumnMapping,
  { appendUnmapped = false }: { appendUnmapped?: boolean } = {},
) {
  const unmapped = headers.filter((header) => !columns[header]);
  return rows.map((row) => {
    const mapped: Record<string, string> = {};
    for (const header of headers) {
      const field = columns[header];
      if (field) mapped[field] = row[header] ?? '';
    }
    if (appendUnmapped) {
      const lines = unmapped.flatMap((header) => {
        const value = row[header]?.trim();
        return value ? [`${header}: ${value}`] : [];
      });
      if (lines.length) {
        mapped.notes = [mapped.notes?.trim(), lines.join('\n')].filter(Boolean).join('\n\n');
      }
    }
    return mapped;
  });
}

export const importLimits = { maxBytes: 5 * 1024 * 1024, maxRows: 10_000 } as const;

const importHeadersSchema = z
  .array(z.string().max(500))
  .min(1, 'The file has no header row.')
  .max(500, 'The file has more than 500 columns.');

export const columnMappingSchema = z
  .record(
    z.string().max(500),
    z.union([z.literal(''), z.enum(Object.keys(importFields) as [ImportField, ...ImportField[]])]),
  )
  .refine((columns) => {
    const fields = Object.values(columns).filter(Boolean);
    return new Set(fields).size === fields.length;
  }, 'Each Accord field can be filled from one column only.');

export const findImportMappingSchema = z.object({ headers: importHeadersSchema });

export const importClientsSchema = z.object({
  rows: z
    .array(z.record(z.string(), z.string()))
    .min(1, 'The file has no rows to import.')
    .max(
      importLimits.maxRows,
      `Import at most ${importLimits.maxRows.toLocaleString('en-US')} rows at a time.`,
    ),
  values: valueMapSchema.default({ industry: {}, status: {}, tier: {} }),
  skipDuplicates: z.boolean(),
  /** The header row and the choices made for it, remembered for the next file with that row. */
  remember: z
    .object({
      headers: importHeadersSchema,
      columns: columnMappingSchema,
      appendUnmapped: z.boolean(),
    })
    .refine(
      ({ headers, columns }) => Object.keys(columns).every((header) => headers.includes(header)),
      'The column mapping names a column the file does not have.',
    )
    .optional(),
});

export type RowProblem = { row: number; message: string };

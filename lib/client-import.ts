import { z } from 'zod';
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

const caseInsensitive = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z
    .string()
    .trim()
    .transform((value) => (value ? value.toLowerCase().replace(/\s+/g, '_') : undefined))
    .pipe(z.enum(values, { error: message }).optional())
    .optional();

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
    industry: z
      .string()
      .trim()
      .transform((value) =>
        value
          ? (industries.find((name) => name.toLowerCase() === value.toLowerCase()) ?? value)
          : null,
      )
      .pipe(z.enum(industries, { error: 'Industry is not one of Accord’s industries.' }).nullable())
      .optional(),
    phone: optional(40, 'Phone'),
    status: caseInsensitive(clientStatuses, 'Status must be prospect, active, paused or churned.'),
    tier: caseInsensitive(clientTiers, 'Tier must be strategic, key or standard.'),
    annualValue: z
      .string()
      .trim()
      .transform((value) => value.replace(/[$€£,\s]/g, ''))
      .pipe(z.string().regex(/^(\d{1,13}(\.\d{1,2})?)?$/, 'Annual value is not an amount.'))
      .transform((value) => (value ? Math.round(Number(value) * 100) : 0))
      .optional(),
    notes: optional(5000, 'Notes'),
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
  .transform((row) => ({
    ...row,
    contactName:
      row.contactName ??
      ([row.contactFirstName, row.contactLastName].filter(Boolean).join(' ') || null),
  }));
export type ImportRow = z.output<typeof importRowSchema>;

export const importLimits = { maxBytes: 5 * 1024 * 1024, maxRows: 10_000 } as const;

export const importClientsSchema = z.object({
  rows: z
    .array(z.record(z.string(), z.string()))
    .min(1, 'The file has no rows to import.')
    .max(
      importLimits.maxRows,
      `Import at most ${importLimits.maxRows.toLocaleString('en-US')} rows at a time.`,
    ),
  skipDuplicates: z.boolean(),
});

export type RowProblem = { row: number; message: string };

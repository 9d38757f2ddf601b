import { z } from 'zod';
import { bulkSelectionSchema } from '@/lib/bulk';
import {
  clientStatuses,
  clientTiers,
  currencies,
  industries,
  loggedActivityKinds,
  researchTopics,
} from '@/lib/clients';
import {
  moneyCents,
  optionalDate,
  optionalEmail,
  optionalText,
  optionalUrl,
  optionalUserId,
  tagList,
} from './fields';
import { listParamsSchema } from './list-params';

const clientFieldsSchema = z.object({
  name: z
    .string({ error: 'Enter a name.' })
    .trim()
    .min(1, 'Enter a name.')
    .max(200, 'Use at most 200 characters.'),
  status: z.enum(clientStatuses, { error: 'Choose a status.' }),
  industry: z
    .string()
    .transform((value) => value || null)
    .pipe(z.enum(industries, { error: 'Choose an industry from the list.' }).nullable())
    .optional(),
  tier: z.enum(clientTiers, { error: 'Choose a tier.' }),
  website: optionalUrl,
  phone: optionalText(40),
  currency: z.enum(currencies, { error: 'Choose a currency.' }),
  annualValue: moneyCents,
  billingEmail: optionalEmail,
  billingAddress: optionalText(500),
  notes: optionalText(5000),
  ownerId: optionalUserId,
  coordinatorId: optionalUserId,
  fitScore: z
    .string()
    .trim()
    .transform((value) => (value === '' ? null : Number(value)))
    .pipe(z.number().int('Enter a whole number.').min(0).max(100, 'Use 0 to 100.').nullable())
    .optional(),
  source: optionalText(100),
  nextStep: optionalText(200),
  nextStepDate: optionalDate,
  tags: tagList(),
});
export type ClientFields = z.output<typeof clientFieldsSchema>;

export const createClientSchema = clientFieldsSchema;

export const updateClientSchema = clientFieldsSchema
  .omit({ ownerId: true, coordinatorId: true })
  .extend({
    clientId: z.uuid('Unknown client.'),
    version: z.coerce.number().int().min(1),
  });

export const reassignClientSchema = z.object({
  clientId: z.uuid('Unknown client.'),
  version: z.coerce.number().int().min(1),
  ownerId: optionalUserId,
  coordinatorId: optionalUserId,
});

export const convertProspectSchema = z.object({
  clientId: z.uuid('Unknown client.'),
  version: z.coerce.number().int().min(1),
});

export const contactSchema = z.object({
  clientId: z.uuid('Unknown client.'),
  name: z.string().trim().min(1, 'Enter a name.').max(160, 'Use at most 160 characters.'),
  title: optionalText(120),
  email: optionalEmail,
  phone: optionalText(40),
  isPrimary: z
    .string()
    .optional()
    .transform((value) => value === 'on' || value === 'true'),
});

export const updateContactSchema = contactSchema.extend({
  contactId: z.uuid('Unknown contact.'),
  version: z.coerce.number().int().min(1),
});

export const contactRefSchema = z.object({
  clientId: z.uuid('Unknown client.'),
  contactId: z.uuid('Unknown contact.'),
});

export const logActivitySchema = z.object({
  clientId: z.uuid('Unknown client.'),
  kind: z.enum(loggedActivityKinds, { error: 'Choose what you are logging.' }),
  subject: z.string().trim().min(1, 'Enter a subject.').max(200, 'Use at most 200 characters.'),
  body: optionalText(10_000),
});

export const researchNoteSchema = z.object({
  clientId: z.uuid('Unknown client.'),
  topic: z.enum(researchTopics, { error: 'Choose a topic.' }),
  sourceUrl: optionalUrl,
  summary: z
    .string()
    .trim()
    .min(1, 'Write a summary.')
    .max(10_000, 'Use at most 10,000 characters.'),
});

export const researchNoteRefSchema = z.object({
  clientId: z.uuid('Unknown client.'),
  noteId: z.uuid('Unknown note.'),
});

export const competitorLinkSchema = z.object({
  clientId: z.uuid('Unknown client.'),
  competitorId: z.uuid('Choose a competitor.'),
});

export const competitorSchema = z.object({
  name: z.string().trim().min(1, 'Enter a name.').max(160, 'Use at most 160 characters.'),
  website: optionalUrl,
  strengths: optionalText(5000),
  weaknesses: optionalText(5000),
  pricingNotes: optionalText(5000),
});

export const updateCompetitorSchema = competitorSchema.extend({
  competitorId: z.uuid('Unknown competitor.'),
  version: z.coerce.number().int().min(1),
});

export const clientSortColumns = [
  'name',
  'status',
  'industry',
  'tier',
  'owner',
  'coordinator',
  'annualValue',
  'lastActivityAt',
  'updatedAt',
  'fitScore',
  'nextStepDate',
] as const;
export type ClientSort = (typeof clientSortColumns)[number];

export const clientListSchema = listParamsSchema(clientSortColumns, {
  sort: 'name',
  dir: 'asc',
}).extend({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(clientStatuses).optional().catch(undefined),
  owner: z.uuid().optional().catch(undefined),
  coordinator: z.uuid().optional().catch(undefined),
  industry: z.enum(industries).optional().catch(undefined),
  tier: z.enum(clientTiers).optional().catch(undefined),
  tag: z.uuid().optional().catch(undefined),
});
export type ClientListParams = z.infer<typeof clientListSchema>;

export const recordVisibilities = ['open', 'assigned'] as const;
export type RecordVisibility = (typeof recordVisibilities)[number];
export const recordVisibilitySchema = z.object({
  visibility: z.enum(recordVisibilities, { error: 'Choose open or assigned.' }),
});

export const bulkReassignClientsSchema = z.object({
  selection: bulkSelectionSchema,
  role: z.enum(['owner', 'coordinator'], { error: 'Choose owner or coordinator.' }),
  userId: z.uuid('Choose a user from the list.').nullable(),
});

export const bulkTagClientsSchema = z.object({
  selection: bulkSelectionSchema,
  operation: z.enum(['add', 'remove'], { error: 'Choose add or remove.' }),
  tag: z
    .string({ error: 'Enter a tag.' })
    .trim()
    .min(1, 'Enter a tag.')
    .max(50, 'Keep the tag under 50 characters.'),
});

export const bulkClientStatusSchema = z.object({
  selection: bulkSelectionSchema,
  status: z.enum(clientStatuses, { error: 'Choose a status.' }),
});

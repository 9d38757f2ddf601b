import { z } from 'zod';
import { bulkSelectionSchema } from '@/lib/bulk';
import { budgetEntryKinds, campaignStatuses } from '@/lib/campaigns';
import { currencies } from '@/lib/clients';
import { moneyCents, optionalDate, optionalText, optionalUserId } from './fields';
import { listParamsSchema } from './list-params';

const campaignId = z.uuid('This campaign does not exist.');
const version = z.coerce.number().int().min(1);
const filterDate = z.iso.date().optional().catch(undefined);

export const campaignSortColumns = [
  'name',
  'client',
  'status',
  'owner',
  'startDate',
  'endDate',
  'planned',
  'committed',
  'spent',
  'remaining',
  'updatedAt',
] as const;
export type CampaignSort = (typeof campaignSortColumns)[number];

/** The list's filters, also what the budget totals (and the budget-use report) are asked with. */
export const campaignFiltersSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(campaignStatuses).optional().catch(undefined),
  owner: z.uuid().optional().catch(undefined),
  client: z.uuid().optional().catch(undefined),
  /** Campaigns running on some day between `from` and `to` (either end open). */
  from: filterDate,
  to: filterDate,
  /** "1": only campaigns whose committed plus spent passes the plan. */
  over: z.literal('1').optional().catch(undefined),
});
export type CampaignFilters = z.output<typeof campaignFiltersSchema>;

export const campaignListSchema = listParamsSchema(campaignSortColumns, {
  sort: 'updatedAt',
  dir: 'desc',
}).extend(campaignFiltersSchema.shape);
export type CampaignListParams = z.output<typeof campaignListSchema>;

const campaignFields = z.object({
  name: z
    .string({ error: 'Name the campaign.' })
    .trim()
    .min(1, 'Name the campaign.')
    .max(200, 'Use at most 200 characters.'),
  goal: z.string().trim().max(5000, 'Keep the goal under 5,000 characters.').default(''),
  startDate: optionalDate,
  endDate: optionalDate,
  status: z.enum(campaignStatuses, { error: 'Choose a status.' }),
  ownerId: optionalUserId,
  coordinatorId: optionalUserId,
  currency: z.enum(currencies, { error: 'Choose a currency.' }),
  budgetPlanned: moneyCents,
});

const endsAfterStart = {
  check: (input: { startDate?: string | null; endDate?: string | null }) =>
    !input.startDate || !input.endDate || input.endDate >= input.startDate,
  params: { path: ['endDate'], message: 'End the campaign on or after its start.' },
};

export const createCampaignSchema = campaignFields
  .extend({ clientId: z.uuid('Choose a client.') })
  .refine(endsAfterStart.check, endsAfterStart.params);

export const updateCampaignSchema = campaignFields
  .extend({ id: campaignId, version })
  .refine(endsAfterStart.check, endsAfterStart.params);

const optionalId = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const budgetEntryFields = z.object({
  kind: z.enum(budgetEntryKinds, { error: 'Choose committed or spent.' }),
  amount: moneyCents.refine((cents) => cents > 0, 'Enter an amount above zero.'),
  entryDate: z.string().trim().pipe(z.iso.date('Enter the date.')),
  supplier: optionalText(200),
  note: optionalText(2000),
  documentId: optionalId(z.uuid('Choose a file filed on this campaign.')),
  invoiceLineId: optionalId(
    z.coerce.number().int('Choose an invoice line.').positive('Choose an invoice line.'),
  ),
});

export const addBudgetEntrySchema = budgetEntryFields.extend({ campaignId });

const entryId = z.coerce.number().int().positive('This budget entry does not exist.');

export const updateBudgetEntrySchema = budgetEntryFields.extend({ entryId, version });

export const deleteBudgetEntrySchema = z.object({ entryId, version });

export const linkCampaignDealSchema = z.object({
  campaignId,
  dealId: z.uuid('Choose a deal.'),
});

export const linkCampaignMeetingSchema = z.object({
  campaignId,
  meetingId: z.uuid('Choose a meeting.'),
});

export const bulkSetCampaignStatusSchema = z.object({
  selection: bulkSelectionSchema,
  status: z.enum(campaignStatuses, { error: 'Choose a status.' }),
});

export const bulkReassignCampaignCoordinatorSchema = z.object({
  selection: bulkSelectionSchema,
  coordinatorId: z.uuid('Choose the new coordinator.'),
});

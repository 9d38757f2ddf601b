import { z } from 'zod';
import { bulkSelectionSchema } from '@/lib/bulk';
import { currencies } from '@/lib/clients';
import { dealStages, openDealStages } from '@/lib/deals';
import { moneyCents, optionalDate, optionalText, optionalUserId } from './fields';
import { listParamsSchema } from './list-params';

const dealName = z
  .string({ error: 'Enter a name.' })
  .trim()
  .min(1, 'Enter a name.')
  .max(200, 'Use at most 200 characters.');

/** A percentage typed in a form; blank means "the stage's default". */
const optionalProbability = z
  .string()
  .trim()
  .transform((value) => (value === '' ? null : Number(value)))
  .pipe(
    z
      .number('Enter a whole number from 0 to 100.')
      .int('Enter a whole number from 0 to 100.')
      .min(0, 'Use 0 to 100.')
      .max(100, 'Use 0 to 100.')
      .nullable(),
  )
  .optional();

const dealFields = {
  name: dealName,
  amount: moneyCents,
  currency: z.enum(currencies, { error: 'Choose a currency.' }),
  probability: optionalProbability,
  expectedClose: optionalDate,
  ownerId: optionalUserId,
  coordinatorId: optionalUserId,
};

/** A new deal: blank owner and coordinator mean the account's own; blank probability the stage's default. */
export const createDealSchema = z.object({
  ...dealFields,
  clientId: z.uuid('Choose a client.'),
  stage: z.enum(openDealStages, { error: 'Choose an open stage.' }),
});

export const updateDealSchema = z.object({
  ...dealFields,
  dealId: z.uuid('Unknown deal.'),
  version: z.coerce.number().int().min(1),
});
export type UpdateDealInput = z.output<typeof updateDealSchema>;

export const moveDealSchema = z.object({
  dealId: z.uuid('Unknown deal.'),
  version: z.coerce.number().int().min(1),
  stage: z.enum(dealStages, { error: 'Choose a stage.' }),
  lostReason: optionalText(500),
});

const dealSortColumns = [
  'name',
  'client',
  'stage',
  'amount',
  'probability',
  'weighted',
  'expectedClose',
  'owner',
  'coordinator',
  'updatedAt',
] as const;
export type DealSort = (typeof dealSortColumns)[number];

/** `stage=lead,qualified`: several stages at once; unknown ones are dropped. */
const stageList = z
  .string()
  .transform((value) =>
    [...new Set(value.split(','))].filter((stage): stage is (typeof dealStages)[number] =>
      (dealStages as readonly string[]).includes(stage),
    ),
  )
  .optional()
  .catch(undefined);

/** The filters the pipeline's table and board share. */
export const dealFilterSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  owner: z.uuid().optional().catch(undefined),
  coordinator: z.uuid().optional().catch(undefined),
  client: z.uuid().optional().catch(undefined),
  stage: stageList,
  closeFrom: z.iso.date().optional().catch(undefined),
  closeTo: z.iso.date().optional().catch(undefined),
  // Instants, so a report's drill-down names the viewer's month exactly (from included, to not).
  closedFrom: z.iso.datetime({ offset: true }).optional().catch(undefined),
  closedTo: z.iso.datetime({ offset: true }).optional().catch(undefined),
});
export type DealFilters = z.infer<typeof dealFilterSchema>;

export const dealListSchema = listParamsSchema(dealSortColumns, {
  sort: 'expectedClose',
  dir: 'asc',
}).extend(dealFilterSchema.shape);
export type DealListParams = z.infer<typeof dealListSchema>;

export const bulkMoveDealsSchema = z
  .object({
    selection: bulkSelectionSchema,
    stage: z.enum(dealStages, { error: 'Choose a stage.' }),
    lostReason: optionalText(500),
  })
  .refine((input) => input.stage !== 'lost' || Boolean(input.lostReason), {
    path: ['lostReason'],
    message: 'Say why these deals were lost.',
  });

export const bulkReassignDealsSchema = z.object({
  selection: bulkSelectionSchema,
  role: z.enum(['owner', 'coordinator'], { error: 'Choose owner or coordinator.' }),
  userId: z.uuid('Choose a user from the list.').nullable(),
});

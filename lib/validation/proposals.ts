import { z } from 'zod';
import { bulkSelectionSchema } from '@/lib/bulk';
import { currencies } from '@/lib/clients';
import { proposalStatuses, reviewDecisions } from '@/lib/proposals';
import { moneyCents, optionalDate, optionalText, optionalUserId } from './fields';
import { listParamsSchema } from './list-params';

const id = z.uuid('This proposal does not exist.');
const version = z.coerce.number().int().min(1);
const optionalId = z
  .string()
  .trim()
  .transform((value) => value || null)
  .pipe(z.uuid().nullable())
  .optional();

const proposalSortColumns = [
  'title',
  'client',
  'status',
  'amount',
  'author',
  'reviewer',
  'validUntil',
  'updatedAt',
] as const;
export type ProposalSort = (typeof proposalSortColumns)[number];

export const proposalListSchema = listParamsSchema(proposalSortColumns, {
  sort: 'updatedAt',
  dir: 'desc',
}).extend({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(proposalStatuses).optional().catch(undefined),
  author: z.uuid().optional().catch(undefined),
  reviewer: z.uuid().optional().catch(undefined),
});
export type ProposalListParams = z.output<typeof proposalListSchema>;

const title = z
  .string({ error: 'Enter a title.' })
  .trim()
  .min(1, 'Enter a title.')
  .max(200, 'Use at most 200 characters.');

export const createProposalSchema = z.object({
  clientId: z.uuid('Choose a client.'),
  dealId: optionalId,
  templateId: optionalId,
  title: optionalText(200),
  reviewerId: optionalUserId,
});

export const updateProposalSchema = z.object({
  id,
  version,
  title,
  body: z.string().max(100_000, 'Keep the proposal under 100,000 characters.'),
  amount: moneyCents,
  currency: z.enum(currencies, { error: 'Choose a currency.' }),
  validUntil: optionalDate,
  reviewerId: optionalUserId,
});

/** A life-cycle step on a proposal the form read at `version`. */
export const proposalStepSchema = z.object({ id, version });

export const reviewProposalSchema = z
  .object({
    id,
    version,
    decision: z.enum(reviewDecisions, { error: 'Choose a decision.' }),
    comment: optionalText(5000),
  })
  .refine((input) => input.decision === 'approved' || Boolean(input.comment), {
    path: ['comment'],
    message: 'Say what should change, or why it is rejected.',
  });

export const shareLinkSchema = z.object({
  id,
  version,
  enabled: z.enum(['true', 'false']).transform((value) => value === 'true'),
});

const token = z.string().trim().min(20).max(64);

export const acceptProposalSchema = z.object({
  token,
  name: z
    .string({ error: 'Type your full name to accept.' })
    .trim()
    .min(2, 'Type your full name to accept.')
    .max(160, 'Use at most 160 characters.'),
});

export const declineProposalSchema = z.object({
  token,
  comment: z
    .string({ error: 'Tell us why, so we can follow up.' })
    .trim()
    .min(1, 'Tell us why, so we can follow up.')
    .max(2000, 'Use at most 2,000 characters.'),
});

/** The share page's report that it was really shown: which link, and which logged request. */
export const confirmViewSchema = z.object({
  token,
  viewId: z.number().int().positive().nullable(),
});

export const bulkWithdrawProposalsSchema = z.object({ selection: bulkSelectionSchema });

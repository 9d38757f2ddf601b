import { z } from 'zod';
import {
  feedbackChannels,
  feedbackSentiments,
  feedbackStatuses,
  type FeedbackSla,
} from '@/lib/feedback';
import { optionalText, optionalUserId } from './fields';
import { listParamsSchema } from './list-params';

const id = z.uuid('This feedback does not exist.');
const version = z.coerce.number().int().min(1);
const optionalId = (message: string) =>
  z
    .string()
    .trim()
    .transform((value) => value || null)
    .pipe(z.uuid(message).nullable())
    .optional();

export const feedbackSortColumns = [
  'createdAt',
  'client',
  'status',
  'sentiment',
  'routedTo',
  'due',
] as const;
export type FeedbackSort = (typeof feedbackSortColumns)[number];

export const feedbackListSchema = listParamsSchema(feedbackSortColumns, {
  sort: 'createdAt',
  dir: 'desc',
}).extend({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(feedbackStatuses).optional().catch(undefined),
  sentiment: z.enum(feedbackSentiments).optional().catch(undefined),
  client: z.uuid().optional().catch(undefined),
  routedTo: z.uuid().optional().catch(undefined),
  overdue: z.literal('1').optional().catch(undefined),
});
export type FeedbackListParams = z.output<typeof feedbackListSchema>;

export const logFeedbackSchema = z.object({
  clientId: z.uuid('Choose a client.'),
  contactId: optionalId('Choose a contact of this client.'),
  meetingId: optionalId('This meeting does not exist.'),
  channel: z.enum(feedbackChannels, { error: 'Choose how the client said it.' }),
  sentiment: z.enum(feedbackSentiments, { error: 'Choose a sentiment.' }),
  category: optionalText(80),
  body: z
    .string({ error: 'Write what the client said.' })
    .trim()
    .min(1, 'Write what the client said.')
    .max(5000, 'Use at most 5,000 characters.'),
  // Blank: the account owner.
  routedToId: optionalUserId,
});
export type LogFeedbackInput = z.output<typeof logFeedbackSchema>;

export const routeFeedbackSchema = z.object({
  id,
  version,
  routedToId: z.uuid('Choose who answers it.'),
});

export const feedbackStepSchema = z.object({ id, version });

export const resolveFeedbackSchema = z.object({
  id,
  version,
  resolution: z
    .string({ error: 'Say how it was resolved.' })
    .trim()
    .min(1, 'Say how it was resolved.')
    .max(5000, 'Use at most 5,000 characters.'),
});

const slaHours = z.coerce
  .number({ error: 'Enter a number of hours.' })
  .int('Enter whole hours.')
  .min(1, 'Use at least 1 hour.')
  .max(200, 'Use at most 200 hours.');
const slaDays = z.coerce
  .number({ error: 'Enter a number of days.' })
  .int('Enter whole days.')
  .min(1, 'Use at least 1 day.')
  .max(60, 'Use at most 60 days.');

/** The SLA card: hours to acknowledge and days to resolve, per sentiment. */
export const feedbackSlaSchema = z
  .object({
    negativeAcknowledgeHours: slaHours,
    negativeResolveDays: slaDays,
    neutralAcknowledgeHours: slaHours,
    neutralResolveDays: slaDays,
    positiveAcknowledgeHours: slaHours,
    positiveResolveDays: slaDays,
  })
  .transform((input): FeedbackSla => ({
    negative: {
      acknowledgeHours: input.negativeAcknowledgeHours,
      resolveDays: input.negativeResolveDays,
    },
    neutral: {
      acknowledgeHours: input.neutralAcknowledgeHours,
      resolveDays: input.neutralResolveDays,
    },
    positive: {
      acknowledgeHours: input.positiveAcknowledgeHours,
      resolveDays: input.positiveResolveDays,
    },
  }));

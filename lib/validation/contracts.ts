import { z } from 'zod';
import { currencies } from '@/lib/clients';
import { contractStatuses, noticeWindows } from '@/lib/contracts';
import { checkboxField, moneyCents, optionalDate, optionalText } from './fields';
import { listParamsSchema } from './list-params';

const id = z.uuid('This contract does not exist.');
const version = z.coerce.number().int().min(1);

export const contractSortColumns = [
  'title',
  'client',
  'owner',
  'status',
  'value',
  'startDate',
  'endDate',
  'noticeDeadline',
  'updatedAt',
] as const;
export type ContractSort = (typeof contractSortColumns)[number];

export const contractListSchema = listParamsSchema(contractSortColumns, {
  sort: 'updatedAt',
  dir: 'desc',
}).extend({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(contractStatuses).optional().catch(undefined),
  client: z.uuid().optional().catch(undefined),
  /** Notice deadline from today up to this many days ahead. */
  notice: z.coerce
    .number()
    .refine((days) => (noticeWindows as readonly number[]).includes(days))
    .optional()
    .catch(undefined),
});
export type ContractListParams = z.output<typeof contractListSchema>;

/** A draft from an accepted proposal (prefilled from it) or blank for a client. */
export const createContractSchema = z
  .object({
    clientId: z.uuid('Choose a client.').optional(),
    proposalId: z.uuid('This proposal does not exist.').optional(),
  })
  .refine((input) => input.clientId || input.proposalId, {
    path: ['clientId'],
    message: 'Choose a client.',
  });

const wholeNumber = (label: string, min: number, max: number) =>
  z.coerce
    .number({ error: `Enter the ${label}.` })
    .int(`Enter whole ${label}.`)
    .min(min, `Use at least ${min} ${label}.`)
    .max(max, `Use at most ${max} ${label}.`);

export const updateContractSchema = z
  .object({
    id,
    version,
    title: z
      .string({ error: 'Enter a title.' })
      .trim()
      .min(1, 'Enter a title.')
      .max(200, 'Use at most 200 characters.'),
    value: moneyCents,
    currency: z.enum(currencies, { error: 'Choose a currency.' }),
    startDate: optionalDate,
    endDate: optionalDate,
    autoRenew: checkboxField,
    renewalTermMonths: wholeNumber('months', 1, 120),
    noticePeriodDays: wholeNumber('days', 0, 365),
    terms: z.string().max(100_000, 'Keep the terms under 100,000 characters.'),
  })
  .refine((input) => !input.startDate || !input.endDate || input.endDate > input.startDate, {
    path: ['endDate'],
    message: 'End the contract after it starts.',
  });

export const contractStepSchema = z.object({ id, version });

export const signContractSchema = z.object({
  id,
  version,
  signedDocumentId: z.uuid('Choose the signed copy from the contract’s files.'),
  signerName: z
    .string({ error: 'Enter who signed.' })
    .trim()
    .min(2, 'Enter who signed.')
    .max(160, 'Use at most 160 characters.'),
  signedOn: z.iso.date('Enter the date it was signed.'),
});

export const terminateContractSchema = z.object({
  id,
  version,
  reason: z
    .string({ error: 'Say why the contract ends.' })
    .trim()
    .min(1, 'Say why the contract ends.')
    .max(2000, 'Use at most 2,000 characters.'),
});

export const renewContractSchema = z.object({
  id,
  version,
  openDeal: checkboxField,
  note: optionalText(200),
});

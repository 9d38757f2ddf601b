import { z } from 'zod';
import { reportKeys } from '@/lib/report-catalog';
import { reportRangePresets } from '@/lib/report-ranges';

const optionalUuid = z.uuid().optional().catch(undefined);

/**
 * A report's URL state: the range preset (custom dates only with `custom`) and the filters by
 * owner, coordinator and client. Anything unknown falls back rather than failing the page.
 */
export const reportParamsSchema = z.object({
  range: z.enum(reportRangePresets).catch('thisQuarter'),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  owner: optionalUuid,
  coordinator: optionalUuid,
  client: optionalUuid,
});
export type ReportParams = z.output<typeof reportParamsSchema>;

const optionalId = (message: string) =>
  z
    .string()
    .trim()
    .transform((value) => value || undefined)
    .pipe(z.uuid(message).optional())
    .optional();

/** The same parameters as a form sends them when filing or scheduling: refused when wrong. */
export const reportParametersInput = z
  .object({
    range: z.enum(reportRangePresets, { error: 'Choose a date range.' }),
    from: z.union([z.iso.date('Enter a start date.'), z.literal('')]).optional(),
    to: z.union([z.iso.date('Enter an end date.'), z.literal('')]).optional(),
    owner: optionalId('Choose an owner from the list.'),
    coordinator: optionalId('Choose a coordinator from the list.'),
    client: optionalId('Choose a client from the list.'),
  })
  .transform(({ from, to, ...rest }) => ({
    ...rest,
    from: from || undefined,
    to: to || undefined,
  }))
  .refine((params) => params.range !== 'custom' || (params.from && params.to), {
    path: ['from'],
    message: 'A custom range needs a start and an end date.',
  });

export const reportFormats = ['csv', 'pdf'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export const fileReportSchema = z.object({
  report: z.enum(reportKeys, { error: 'Choose a report.' }),
  format: z.enum(reportFormats, { error: 'Choose CSV or PDF.' }),
  parameters: reportParametersInput,
});

export const reportScheduleFrequencies = ['weekly', 'monthly'] as const;

export const createReportScheduleSchema = z.object({
  report: z.enum(reportKeys, { error: 'Choose a report.' }),
  format: z.enum(reportFormats, { error: 'Choose CSV or PDF.' }),
  frequency: z.enum(reportScheduleFrequencies, { error: 'Choose weekly or monthly.' }),
  parameters: reportParametersInput,
  recipientIds: z
    .array(z.uuid('Choose recipients from the list.'))
    .min(1, 'Choose at least one recipient.')
    .max(50, 'Choose at most 50 recipients.'),
});

export const reportScheduleIdSchema = z.object({ id: z.uuid('Unknown schedule.') });

/** The URL query of a report's parameters, empty values left out. */
export function reportQueryString(params: Partial<ReportParams>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value) search.set(key, value);
  }
  return search.toString();
}

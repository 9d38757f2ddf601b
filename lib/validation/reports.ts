import { z } from 'zod';
import { reportFormats, reportKeys, reportScheduleFrequencies } from '@/lib/report-catalog';
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

/** The parameters as a form sends them when filing or scheduling: refused, not defaulted, when wrong. */
const parameterFields = {
  range: z.enum(reportRangePresets, { error: 'Choose a date range.' }),
  from: z.union([z.iso.date('Enter a start date.'), z.literal('')]).optional(),
  to: z.union([z.iso.date('Enter an end date.'), z.literal('')]).optional(),
  owner: optionalId('Choose an owner from the list.'),
  coordinator: optionalId('Choose a coordinator from the list.'),
  client: optionalId('Choose a client from the list.'),
};

type ParameterFields = {
  range: ReportParams['range'];
  from?: string;
  to?: string;
  owner?: string;
  coordinator?: string;
  client?: string;
};

/** The report's parameters out of a flat form; dates only for a custom range. */
function toParameters({ range, from, to, owner, coordinator, client }: ParameterFields) {
  const parameters: ReportParams = { range };
  if (range === 'custom') Object.assign(parameters, { from, to });
  if (owner) parameters.owner = owner;
  if (coordinator) parameters.coordinator = coordinator;
  if (client) parameters.client = client;
  return parameters;
}

const customNeedsDates: [(input: ParameterFields) => boolean, { path: string[]; message: string }] =
  [
    (input) => input.range !== 'custom' || Boolean(input.from && input.to),
    { path: ['from'], message: 'A custom range needs a start and an end date.' },
  ];

const reportAndFormat = {
  report: z.enum(reportKeys, { error: 'Choose a report.' }),
  format: z.enum(reportFormats, { error: 'Choose CSV or PDF.' }),
};

export const fileReportSchema = z
  .object({ ...reportAndFormat, ...parameterFields })
  .refine(...customNeedsDates)
  .transform(({ report, format, ...parameters }) => ({
    report,
    format,
    parameters: toParameters(parameters),
  }));

/** Recipients arrive as one comma-separated field of user ids. */
const recipientList = z
  .string({ error: 'Choose at least one recipient.' })
  .transform((value) => [
    ...new Set(
      value
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  ])
  .pipe(
    z
      .array(z.uuid('Choose recipients from the list.'))
      .min(1, 'Choose at least one recipient.')
      .max(50, 'Choose at most 50 recipients.'),
  );

export const createReportScheduleSchema = z
  .object({
    ...reportAndFormat,
    ...parameterFields,
    frequency: z.enum(reportScheduleFrequencies, { error: 'Choose weekly or monthly.' }),
    recipientIds: recipientList,
  })
  .refine(...customNeedsDates)
  .transform(({ report, format, frequency, recipientIds, ...parameters }) => ({
    report,
    format,
    frequency,
    recipientIds,
    parameters: toParameters(parameters),
  }));

export const reportScheduleIdSchema = z.object({ id: z.uuid('Unknown schedule.') });

/** The URL query of a report's parameters, empty values left out. */
export function reportQueryString(params: Partial<ReportParams>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value) search.set(key, value);
  }
  return search.toString();
}

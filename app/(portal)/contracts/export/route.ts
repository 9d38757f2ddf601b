import { firstValues } from '@/lib/validation/list-params';
import { contractStatusLabels, type ContractStatus } from '@/lib/contracts';
import { csvDateTime, csvResponse } from '@/lib/csv';
import { contractListSchema } from '@/lib/validation/contracts';
import { can } from '@/server/auth/permissions';
import { getUserForRoute } from '@/server/auth/session';
import { streamContracts } from '@/server/contracts/queries';

/** The columns; timestamps name the zone they are written in. */
const headerFor = (timeZone: string) => [
  'Title',
  'Client',
  'Status',
  'Owner',
  'Currency',
  'Value',
  'Start date',
  'End date',
  'Notice deadline',
  `Updated (${timeZone})`,
];

async function* contractCsvRows(rows: ReturnType<typeof streamContracts>, timeZone: string) {
  for await (const row of rows) {
    yield [
      row.title,
      row.clientName,
      contractStatusLabels[row.status as ContractStatus],
      row.ownerName,
      row.currency,
      (Number(row.valueCents) / 100).toFixed(2),
      row.startDate,
      row.endDate,
      row.noticeDeadline,
      csvDateTime(row.updatedAt, timeZone),
    ];
  }
}

/**
 * Every contract matching the list's current filters and search within the
 * viewer's visibility, as CSV streamed row by row.
 */
export async function GET(request: Request) {
  const viewer = await getUserForRoute();
  if (!viewer) return new Response('Sign in to export contracts.', { status: 401 });
  if (!can(viewer, 'clients.read'))
    return new Response('You do not have access to contracts.', { status: 403 });
  const query = new URL(request.url).searchParams;
  const params = contractListSchema.parse(firstValues(Object.fromEntries(query)));
  return csvResponse(
    'contracts',
    headerFor(viewer.timeZone),
    contractCsvRows(streamContracts(viewer, params), viewer.timeZone),
    viewer.timeZone,
  );
}

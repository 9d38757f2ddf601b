import { firstValues } from '@/lib/validation/list-params';
import {
  clientStatusLabels,
  clientTierLabels,
  type ClientStatus,
  type ClientTier,
} from '@/lib/clients';
import { selectedIdsSchema } from '@/lib/bulk';
import { csvDateTime, csvResponse } from '@/lib/csv';
import { clientListSchema } from '@/lib/validation/clients';
import { can } from '@/server/auth/permissions';
import { getUserForRoute } from '@/server/auth/session';
import { streamClients } from '@/server/clients/queries';

/** The columns; timestamps name the zone they are written in. */
const headerFor = (timeZone: string) => [
  'Name',
  'Status',
  'Industry',
  'Tier',
  'Website',
  'Owner',
  'Coordinator',
  'Currency',
  'Annual value',
  `Last activity (${timeZone})`,
  `Updated (${timeZone})`,
  'Fit score',
  'Source',
  'Next step',
  'Next-step date',
];

async function* clientCsvRows(rows: ReturnType<typeof streamClients>, timeZone: string) {
  for await (const row of rows) {
    yield [
      row.name,
      clientStatusLabels[row.status as ClientStatus],
      row.industry,
      clientTierLabels[row.tier as ClientTier],
      row.website,
      row.ownerName,
      row.coordinatorName,
      row.currency,
      (Number(row.annualValueCents) / 100).toFixed(2),
      csvDateTime(row.lastActivityAt, timeZone),
      csvDateTime(row.updatedAt, timeZone),
      row.fitScore,
      row.source,
      row.nextStep,
      row.nextStepDate,
    ];
  }
}

/**
 * Every client matching the list's current filters and search (or only the ticked ones, `ids`),
 * as CSV streamed row by row.
 */
export async function GET(request: Request) {
  const viewer = await getUserForRoute();
  if (!viewer) return new Response('Sign in to export clients.', { status: 401 });
  if (!can(viewer, 'clients.read'))
    return new Response('You do not have access to clients.', { status: 403 });
  const query = new URL(request.url).searchParams;
  const params = clientListSchema.parse(firstValues(Object.fromEntries(query)));
  const ids = query.has('ids') ? selectedIdsSchema.safeParse(query.get('ids')) : null;
  if (ids && !ids.success) return new Response('Select at most 100 clients.', { status: 400 });
  return csvResponse(
    'clients',
    headerFor(viewer.timeZone),
    clientCsvRows(streamClients(viewer, params, ids?.data), viewer.timeZone),
    viewer.timeZone,
  );
}

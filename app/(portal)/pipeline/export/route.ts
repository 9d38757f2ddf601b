import { firstValues } from '@/lib/validation/list-params';
import { dealStageLabels, type DealStage } from '@/lib/deals';
import { selectedIdsSchema } from '@/lib/bulk';
import { csvDateTime, csvResponse } from '@/lib/csv';
import { dealListSchema } from '@/lib/validation/deals';
import { can } from '@/server/auth/permissions';
import { getUserForRoute } from '@/server/auth/session';
import { streamDeals } from '@/server/deals/queries';

/** The columns; timestamps name the zone they are written in. */
const headerFor = (timeZone: string) => [
  'Name',
  'Client',
  'Stage',
  'Currency',
  'Amount',
  'Probability',
  'Weighted',
  'Expected close',
  'Owner',
  'Coordinator',
  `Updated (${timeZone})`,
];

const money = (cents: string | number | null) => (Number(cents) / 100).toFixed(2);

async function* dealCsvRows(rows: ReturnType<typeof streamDeals>, timeZone: string) {
  for await (const row of rows) {
    yield [
      row.name,
      row.clientName,
      dealStageLabels[row.stage as DealStage],
      row.currency,
      money(row.amountCents),
      row.probability,
      money(row.weightedCents),
      row.expectedClose,
      row.ownerName,
      row.coordinatorName,
      csvDateTime(row.updatedAt, timeZone),
    ];
  }
}

/**
 * Every deal matching the pipeline's current filters and search (or only the ticked ones, `ids`),
 * as CSV streamed row by row.
 */
export async function GET(request: Request) {
  const viewer = await getUserForRoute();
  if (!viewer) return new Response('Sign in to export deals.', { status: 401 });
  if (!can(viewer, 'clients.read'))
    return new Response('You do not have access to deals.', { status: 403 });
  const query = new URL(request.url).searchParams;
  const params = dealListSchema.parse(firstValues(Object.fromEntries(query)));
  const ids = query.has('ids') ? selectedIdsSchema.safeParse(query.get('ids')) : null;
  if (ids && !ids.success) return new Response('Select at most 100 deals.', { status: 400 });
  return csvResponse(
    'deals',
    headerFor(viewer.timeZone),
    dealCsvRows(streamDeals(viewer, params, ids?.data), viewer.timeZone),
    viewer.timeZone,
  );
}

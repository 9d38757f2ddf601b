import { firstValues } from '@/lib/validation/list-params';
import { selectedIdsSchema } from '@/lib/bulk';
import { budgetTotals, campaignStatusLabels, type CampaignStatus } from '@/lib/campaigns';
import { csvDateTime, csvResponse } from '@/lib/csv';
import { campaignListSchema } from '@/lib/validation/campaigns';
import { can } from '@/server/auth/permissions';
import { getUserForRoute } from '@/server/auth/session';
import { streamCampaigns } from '@/server/campaigns/queries';

const headerFor = (timeZone: string) => [
  'Name',
  'Client',
  'Status',
  'Start',
  'End',
  'Owner',
  'Coordinator',
  'Currency',
  'Planned',
  'Committed',
  'Spent',
  'Remaining',
  'Used (%)',
  `Updated (${timeZone})`,
];

const money = (cents: number) => (cents / 100).toFixed(2);

async function* campaignCsvRows(rows: ReturnType<typeof streamCampaigns>, timeZone: string) {
  for await (const row of rows) {
    const totals = budgetTotals(
      Number(row.plannedCents),
      Number(row.committedCents),
      Number(row.spentCents),
    );
    yield [
      row.name,
      row.clientName,
      campaignStatusLabels[row.status as CampaignStatus],
      row.startDate,
      row.endDate,
      row.ownerName,
      row.coordinatorName,
      row.currency,
      money(totals.plannedCents),
      money(totals.committedCents),
      money(totals.spentCents),
      money(totals.remainingCents),
      totals.percentUsed,
      csvDateTime(row.updatedAt, timeZone),
    ];
  }
}

/**
 * Every campaign matching the list's filters and search (or only the ticked ones, `ids`), with
 * its budget figures, as CSV streamed row by row.
 */
export async function GET(request: Request) {
  const viewer = await getUserForRoute();
  if (!viewer) return new Response('Sign in to export campaigns.', { status: 401 });
  if (!can(viewer, 'clients.read')) {
    return new Response('You do not have access to campaigns.', { status: 403 });
  }
  const query = new URL(request.url).searchParams;
  const params = campaignListSchema.parse(firstValues(Object.fromEntries(query)));
  const ids = query.has('ids') ? selectedIdsSchema.safeParse(query.get('ids')) : null;
  if (ids && !ids.success) return new Response('Select at most 100 campaigns.', { status: 400 });
  return csvResponse(
    'campaigns',
    headerFor(viewer.timeZone),
    campaignCsvRows(streamCampaigns(viewer, params, ids?.data), viewer.timeZone),
    viewer.timeZone,
  );
}

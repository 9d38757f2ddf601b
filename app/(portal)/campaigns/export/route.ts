import { firstValues } from '@/lib/validation/list-params';
import { selectedIdsSchema } from '@/lib/bulk';
import { csvDownload } from '@/lib/csv';
import { campaignListSchema } from '@/lib/validation/campaigns';
import { can } from '@/server/auth/permissions';
import { getUserForRoute } from '@/server/auth/session';
import { campaignsCsv } from '@/server/campaigns/queries';

/**
 * Every campaign matching the list's filters and search (or only the ticked ones, `ids`), with
 * its budget figures, as CSV streamed as PostgreSQL writes it.
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
  return csvDownload('campaigns', await campaignsCsv(viewer, params, ids?.data), viewer.timeZone);
}

import { firstValues } from '@/lib/validation/list-params';
import { selectedIdsSchema } from '@/lib/bulk';
import { csvDownload } from '@/lib/csv';
import { dealListSchema } from '@/lib/validation/deals';
import { can } from '@/server/auth/permissions';
import { getUserForRoute } from '@/server/auth/session';
import { dealsCsv } from '@/server/deals/queries';

/**
 * Every deal matching the pipeline's current filters and search (or only the ticked ones, `ids`),
 * as CSV streamed as PostgreSQL writes it.
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
  return csvDownload('deals', await dealsCsv(viewer, params, ids?.data), viewer.timeZone);
}

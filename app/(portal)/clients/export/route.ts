import { firstValues } from '@/lib/validation/list-params';
import { selectedIdsSchema } from '@/lib/bulk';
import { csvDownload } from '@/lib/csv';
import { clientListSchema } from '@/lib/validation/clients';
import { can } from '@/server/auth/permissions';
import { getUserForRoute } from '@/server/auth/session';
import { clientsCsv } from '@/server/clients/queries';

/**
 * Every client matching the list's current filters and search (or only the ticked ones, `ids`),
 * as CSV streamed as PostgreSQL writes it.
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
  return csvDownload('clients', await clientsCsv(viewer, params, ids?.data), viewer.timeZone);
}

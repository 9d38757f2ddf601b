import { firstValues } from '@/lib/validation/list-params';
import { csvDownload } from '@/lib/csv';
import { contractListSchema } from '@/lib/validation/contracts';
import { can } from '@/server/auth/permissions';
import { getUserForRoute } from '@/server/auth/session';
import { contractsCsv } from '@/server/contracts/queries';

/**
 * Every contract matching the list's current filters and search within the
 * viewer's visibility, as CSV streamed as PostgreSQL writes it.
 */
export async function GET(request: Request) {
  const viewer = await getUserForRoute();
  if (!viewer) return new Response('Sign in to export contracts.', { status: 401 });
  if (!can(viewer, 'clients.read'))
    return new Response('You do not have access to contracts.', { status: 403 });
  const query = new URL(request.url).searchParams;
  const params = contractListSchema.parse(firstValues(Object.fromEntries(query)));
  return csvDownload('contracts', await contractsCsv(viewer, params), viewer.timeZone);
}

import { firstValues } from '@/lib/validation/list-params';
import { selectedIdsSchema } from '@/lib/bulk';
import { csvDownload } from '@/lib/csv';
import { materialListSchema } from '@/lib/validation/materials';
import { can } from '@/server/auth/permissions';
import { getUserForRoute } from '@/server/auth/session';
import { materialsCsv } from '@/server/materials/queries';

/**
 * Every material matching the list's filters (or only the ticked ones, `ids`), as CSV streamed as
 * PostgreSQL writes it.
 */
export async function GET(request: Request) {
  const viewer = await getUserForRoute();
  if (!viewer) return new Response('Sign in to export materials.', { status: 401 });
  if (!can(viewer, 'clients.read'))
    return new Response('You do not have access to materials.', { status: 403 });
  const query = new URL(request.url).searchParams;
  const params = materialListSchema.parse(firstValues(Object.fromEntries(query)));
  const ids = query.has('ids') ? selectedIdsSchema.safeParse(query.get('ids')) : null;
  if (ids && !ids.success) return new Response('Select at most 100 materials.', { status: 400 });
  return csvDownload(
    'materials',
    await materialsCsv(viewer, params, new Date(), ids?.data),
    viewer.timeZone,
  );
}

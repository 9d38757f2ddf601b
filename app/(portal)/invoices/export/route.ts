import { firstValues } from '@/lib/validation/list-params';
import { csvDownload } from '@/lib/csv';
import { invoiceListSchema } from '@/lib/validation/invoices';
import { can } from '@/server/auth/permissions';
import { getUserForRoute } from '@/server/auth/session';
import { invoicesCsv } from '@/server/invoices/queries';

/**
 * Every invoice matching the list's current filters and search within the
 * viewer's visibility, as CSV streamed as PostgreSQL writes it.
 */
export async function GET(request: Request) {
  const viewer = await getUserForRoute();
  if (!viewer) return new Response('Sign in to export invoices.', { status: 401 });
  if (!can(viewer, 'clients.read'))
    return new Response('You do not have access to invoices.', { status: 403 });
  const query = new URL(request.url).searchParams;
  const params = invoiceListSchema.parse(firstValues(Object.fromEntries(query)));
  return csvDownload('invoices', await invoicesCsv(viewer, params), viewer.timeZone);
}

import { csvDownload } from '@/lib/csv';
import { calendarDateIn } from '@/lib/format';
import { agingParamsSchema } from '@/lib/validation/invoices';
import { getUserForRoute } from '@/server/auth/session';
import { agingCsv } from '@/server/invoices/queries';

/** The aging report as CSV, amounts in major units, one row per client and currency. */
export async function GET(request: Request) {
  const viewer = await getUserForRoute();
  if (!viewer) return new Response('Sign in to export the aging report.', { status: 401 });
  const { searchParams } = new URL(request.url);
  const { asOf = calendarDateIn(viewer.timeZone) } = agingParamsSchema.parse({
    asOf: searchParams.get('asOf') ?? undefined,
  });
  return csvDownload('invoice-aging', await agingCsv(viewer, asOf), viewer.timeZone);
}

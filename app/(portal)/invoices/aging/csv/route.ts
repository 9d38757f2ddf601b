import { csvResponse } from '@/lib/csv';
import { calendarDateIn } from '@/lib/format';
import { agingBuckets, agingBucketLabels } from '@/lib/invoices';
import { agingParamsSchema } from '@/lib/validation/invoices';
import { getUserForRoute } from '@/server/auth/session';
import { getAgingReport } from '@/server/invoices/queries';

/** The aging report as CSV, amounts in major units, one row per client and currency. */
export async function GET(request: Request) {
  const viewer = await getUserForRoute();
  if (!viewer) return new Response('Sign in to export the aging report.', { status: 401 });
  const { searchParams } = new URL(request.url);
  const { asOf = calendarDateIn(viewer.timeZone) } = agingParamsSchema.parse({
    asOf: searchParams.get('asOf') ?? undefined,
  });
  const report = await getAgingReport(viewer, asOf);
  const major = (cents: number) => (cents / 100).toFixed(2);
  async function* rows() {
    for (const row of report.clients) {
      yield [
        asOf,
        row.clientName,
        row.currency,
        ...agingBuckets.map((bucket) => major(row.amounts[bucket])),
        major(row.amounts.total),
      ];
    }
  }
  return csvResponse(
    'invoice-aging',
    ['As of', 'Client', 'Currency', ...agingBuckets.map((b) => agingBucketLabels[b]), 'Total'],
    rows(),
    viewer.timeZone,
  );
}

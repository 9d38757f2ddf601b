import type { Metadata } from 'next';
import { ClosedRangeNotice } from '@/components/deals/closed-range-notice';
import { DealsTable, type DealTableRow } from '@/components/deals/deals-table';
import { StageSummary } from '@/components/deals/stage-totals';
import { dealListSchema } from '@/lib/validation/deals';
import { firstValues } from '@/lib/validation/list-params';
import { packRows } from '@/lib/packed-rows';
import { requirePermission } from '@/server/auth/session';
import { getStageTotals, listDeals, type DealListRow } from '@/server/deals/queries';
import { viewerFormat } from '@/lib/format';
import { openDefaultView } from '@/server/saved-views/queries';

export const metadata: Metadata = { title: 'Pipeline' };

function tableRow({
  ownerId: _ownerId,
  coordinatorId: _coordinatorId,
  weightedCents: _weightedCents,
  ...row
}: DealListRow): DealTableRow {
  return row;
}

export default async function PipelinePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requirePermission('clients.read');
  const raw = firstValues(await searchParams);
  // A bare address may redirect to the user's default view: find out before querying the list.
  await openDefaultView(viewer, 'deals', raw);
  const params = dealListSchema.parse(raw);
  // Taken before the rows are read, so a bulk action skips anything changed while they load.
  const listedAt = new Date().toISOString();
  const [{ rows, total, totalIsCapped }, totals] = await Promise.all([
    listDeals(viewer, params),
    getStageTotals(viewer, params),
  ]);
  return (
    <>
      <StageSummary totals={totals} locale={viewer.locale} />
      <ClosedRangeNotice searchParams={raw} viewer={viewerFormat(viewer)} />
      <DealsTable
        rows={packRows(rows.map(tableRow))}
        total={total}
        totalIsCapped={totalIsCapped}
        params={params}
        viewer={viewerFormat(viewer)}
        listedAt={listedAt}
      />
    </>
  );
}

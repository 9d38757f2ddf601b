import type { Metadata } from 'next';
import { DealsTable } from '@/components/deals/deals-table';
import { PipelineHeader } from '@/components/deals/pipeline-header';
import { StageSummary } from '@/components/deals/stage-totals';
import { dealListSchema } from '@/lib/validation/deals';
import { firstValues } from '@/lib/validation/list-params';
import { requirePermission } from '@/server/auth/session';
import { listAssignableUsers } from '@/server/clients/queries';
import { getStageTotals, listDeals } from '@/server/deals/queries';
import { viewerFormat } from '@/lib/format';

export const metadata: Metadata = { title: 'Pipeline' };

export default async function PipelinePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requirePermission('clients.read');
  const raw = firstValues(await searchParams);
  const params = dealListSchema.parse(raw);
  // Taken before the rows are read, so a bulk action skips anything changed while they load.
  const listedAt = new Date().toISOString();
  const [{ rows, total, totalIsCapped }, totals, users] = await Promise.all([
    listDeals(viewer, params),
    getStageTotals(viewer, params),
    listAssignableUsers(viewer),
  ]);
  return (
    <>
      <PipelineHeader current="Table" searchParams={raw} />
      <StageSummary totals={totals} locale={viewer.locale} />
      <DealsTable
        rows={rows}
        total={total}
        totalIsCapped={totalIsCapped}
        params={params}
        viewer={viewerFormat(viewer)}
        users={users}
        listedAt={listedAt}
      />
    </>
  );
}

import type { Metadata } from 'next';
import { DealBoard } from '@/components/deals/deal-board';
import { FoldingFilters } from '@/components/data-table/folding-filters';
import { PipelineFilters } from '@/components/deals/pipeline-filters';
import { PipelineHeader } from '@/components/deals/pipeline-header';
import { recentlyClosedDays } from '@/lib/deals';
import { dealFilterSchema } from '@/lib/validation/deals';
import { firstValues } from '@/lib/validation/list-params';
import { requirePermission } from '@/server/auth/session';
import { listAssignableUsers } from '@/server/clients/queries';
import { getBoard } from '@/server/deals/queries';

export const metadata: Metadata = { title: 'Pipeline board' };

export default async function PipelineBoardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requirePermission('clients.read');
  const raw = firstValues(await searchParams);
  const filters = dealFilterSchema.parse(raw);
  const [columns, users] = await Promise.all([
    getBoard(viewer, filters),
    listAssignableUsers(viewer),
  ]);
  return (
    <>
      <PipelineHeader current="Board" />
      <div className="mb-4 flex flex-wrap items-end gap-3">
        <FoldingFilters>
          <PipelineFilters users={users} stages={false} />
        </FoldingFilters>
      </div>
      <DealBoard columns={columns} locale={viewer.locale} />
      <p className="text-xs text-slate-600">
        Open columns show the deals closing soonest; won and lost show deals closed in the last{' '}
        {recentlyClosedDays} days.
      </p>
    </>
  );
}

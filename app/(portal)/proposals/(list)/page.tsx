import type { Metadata } from 'next';
import { ProposalsTable } from '@/components/proposals/proposals-table';
import { firstValues } from '@/lib/validation/list-params';
import { proposalListSchema } from '@/lib/validation/proposals';
import { packRows } from '@/lib/packed-rows';
import { requirePermission } from '@/server/auth/session';
import { listProposals } from '@/server/proposals/queries';
import { viewerFormat } from '@/lib/format';
import { openDefaultView } from '@/server/saved-views/queries';

export const metadata: Metadata = { title: 'Proposals' };

export default async function ProposalsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requirePermission('clients.read');
  const raw = firstValues(await searchParams);
  // A bare address may redirect to the user's default view: find out before querying the list.
  await openDefaultView(viewer, 'proposals', raw);
  const params = proposalListSchema.parse(raw);
  // Taken before the rows are read, so a bulk action skips anything changed while they load.
  const listedAt = new Date().toISOString();
  const { rows, total, totalIsCapped } = await listProposals(viewer, params);
  return (
    <ProposalsTable
      rows={packRows(rows)}
      total={total}
      totalIsCapped={totalIsCapped}
      params={params}
      viewer={viewerFormat(viewer)}
      listedAt={listedAt}
    />
  );
}

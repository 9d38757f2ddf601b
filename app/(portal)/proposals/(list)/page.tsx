import type { Metadata } from 'next';
import Link from 'next/link';
import { ProposalsTable } from '@/components/proposals/proposals-table';
import { SavedViewsBar } from '@/components/saved-views/saved-views-bar';
import { buttonClasses } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { firstValues } from '@/lib/validation/list-params';
import { proposalListSchema } from '@/lib/validation/proposals';
import { packRows } from '@/lib/packed-rows';
import { can } from '@/server/auth/permissions';
import { requirePermission } from '@/server/auth/session';
import { listAssignableUsers } from '@/server/clients/queries';
import { listProposals } from '@/server/proposals/queries';
import { viewerFormat } from '@/lib/format';
import { getSavedViewsBar } from '@/server/saved-views/queries';

export const metadata: Metadata = { title: 'Proposals' };

export default async function ProposalsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requirePermission('clients.read');
  const raw = firstValues(await searchParams);
  const savedViews = getSavedViewsBar(viewer, 'proposals', raw);
  // A bare address may redirect to the user's default view: find out before querying the list.
  if (Object.keys(raw).length === 0) await savedViews;
  const params = proposalListSchema.parse(raw);
  // Taken before the rows are read, so a bulk action skips anything changed while they load.
  const listedAt = new Date().toISOString();
  const [{ rows, total, totalIsCapped }, users, bar] = await Promise.all([
    listProposals(viewer, params),
    listAssignableUsers(viewer),
    savedViews,
  ]);
  return (
    <>
      <PageHeader
        title="Proposals"
        description="Drafts, proposals in review, and what was sent to clients."
        actions={
          <div className="flex gap-2">
            {can(viewer, 'proposals.review') ? (
              <Link href="/proposals/review" className={buttonClasses('secondary')}>
                Review queue
              </Link>
            ) : null}
            <Link href="/proposals/new" className={buttonClasses('primary')}>
              New proposal
            </Link>
          </div>
        }
      />
      <SavedViewsBar bar={bar} />
      <ProposalsTable
        rows={packRows(rows)}
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

import type { Metadata } from 'next';
import Link from 'next/link';
import { CampaignTotals } from '@/components/campaigns/campaign-totals';
import { CampaignsTable } from '@/components/campaigns/campaigns-table';
import { SavedViewsBar } from '@/components/saved-views/saved-views-bar';
import { buttonClasses } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { viewerFormat } from '@/lib/format';
import { campaignFiltersSchema, campaignListSchema } from '@/lib/validation/campaigns';
import { firstValues } from '@/lib/validation/list-params';
import { packRows } from '@/lib/packed-rows';
import { requirePermission } from '@/server/auth/session';
import { getCampaignBudgetTotals } from '@/server/campaigns/budget-totals';
import { listCampaigns } from '@/server/campaigns/queries';
import { findVisibleClient, listAssignableUsers } from '@/server/clients/queries';
import { getSavedViewsBar } from '@/server/saved-views/queries';

export const metadata: Metadata = { title: 'Campaigns' };

export default async function CampaignsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requirePermission('clients.read');
  const raw = firstValues(await searchParams);
  const savedViews = getSavedViewsBar(viewer, 'campaigns', raw);
  // A bare address may redirect to the user's default view: find out before querying the list.
  if (Object.keys(raw).length === 0) await savedViews;
  const params = campaignListSchema.parse(raw);
  const filters = campaignFiltersSchema.parse(raw);
  // Taken before the rows are read, so a bulk action skips anything changed while they load.
  const listedAt = new Date().toISOString();
  const [{ rows, total, totalIsCapped }, totals, users, bar, client] = await Promise.all([
    listCampaigns(viewer, params),
    getCampaignBudgetTotals(viewer, filters),
    listAssignableUsers(viewer),
    savedViews,
    params.client ? findVisibleClient(viewer, params.client) : null,
  ]);
  return (
    <>
      <PageHeader
        title="Campaigns"
        description="Client campaigns with their budgets: what is planned, committed and spent."
        actions={
          <Link href="/campaigns/new" className={buttonClasses('primary')}>
            New campaign
          </Link>
        }
      />
      <CampaignTotals totals={totals} locale={viewer.locale} />
      <SavedViewsBar bar={bar} />
      <CampaignsTable
        rows={packRows(rows)}
        total={total}
        totalIsCapped={totalIsCapped}
        params={params}
        viewer={viewerFormat(viewer)}
        users={users}
        listedAt={listedAt}
        filtered={Object.values(filters).some((value) => value !== undefined)}
        clientFilter={client}
      />
    </>
  );
}

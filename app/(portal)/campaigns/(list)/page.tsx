import type { Metadata } from 'next';
import { CampaignTotals } from '@/components/campaigns/campaign-totals';
import { CampaignsTable } from '@/components/campaigns/campaigns-table';
import { viewerFormat } from '@/lib/format';
import { campaignFiltersSchema, campaignListSchema } from '@/lib/validation/campaigns';
import { firstValues } from '@/lib/validation/list-params';
import { packRows } from '@/lib/packed-rows';
import { requirePermission } from '@/server/auth/session';
import { getCampaignBudgetTotals } from '@/server/campaigns/budget-totals';
import { listCampaigns } from '@/server/campaigns/queries';
import { findVisibleClient } from '@/server/clients/queries';
import { openDefaultView } from '@/server/saved-views/queries';

export const metadata: Metadata = { title: 'Campaigns' };

export default async function CampaignsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requirePermission('clients.read');
  const raw = firstValues(await searchParams);
  // A bare address may redirect to the user's default view: find out before querying the list.
  await openDefaultView(viewer, 'campaigns', raw);
  const params = campaignListSchema.parse(raw);
  const filters = campaignFiltersSchema.parse(raw);
  // Taken before the rows are read, so a bulk action skips anything changed while they load.
  const listedAt = new Date().toISOString();
  const [{ rows, total, totalIsCapped }, totals, client] = await Promise.all([
    listCampaigns(viewer, params),
    getCampaignBudgetTotals(viewer, filters),
    params.client ? findVisibleClient(viewer, params.client) : null,
  ]);
  return (
    <>
      <CampaignTotals totals={totals} locale={viewer.locale} />
      <CampaignsTable
        rows={packRows(rows)}
        total={total}
        totalIsCapped={totalIsCapped}
        params={params}
        viewer={viewerFormat(viewer)}
        listedAt={listedAt}
        filtered={Object.values(filters).some((value) => value !== undefined)}
        clientFilter={client}
      />
    </>
  );
}

import type { Metadata } from 'next';
import { MaterialsTable } from '@/components/materials/materials-table';
import { calendarDateIn, viewerFormat } from '@/lib/format';
import { firstValues } from '@/lib/validation/list-params';
import { materialListSchema } from '@/lib/validation/materials';
import { packRows } from '@/lib/packed-rows';
import { requirePermission } from '@/server/auth/session';
import { findVisibleClient } from '@/server/clients/queries';
import { findFilterCampaign, listMaterials } from '@/server/materials/queries';
import { openDefaultView } from '@/server/saved-views/queries';

export const metadata: Metadata = { title: 'Materials' };

export default async function MaterialsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requirePermission('clients.read');
  const raw = firstValues(await searchParams);
  // A bare address may redirect to the user's default view: find out before querying the list.
  await openDefaultView(viewer, 'materials', raw);
  const params = materialListSchema.parse(raw);
  const now = new Date();
  const [{ rows, total, totalIsCapped }, client, campaign] = await Promise.all([
    listMaterials(viewer, params, now),
    params.client ? findVisibleClient(viewer, params.client) : null,
    params.campaign ? findFilterCampaign(viewer, params.campaign) : null,
  ]);
  return (
    <MaterialsTable
      rows={packRows(rows)}
      total={total}
      totalIsCapped={totalIsCapped}
      params={params}
      viewer={viewerFormat(viewer)}
      client={client}
      campaigns={campaign ? [campaign] : []}
      today={calendarDateIn(viewer.timeZone, now)}
      listedAt={now.toISOString()}
    />
  );
}

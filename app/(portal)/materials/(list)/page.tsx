import type { Metadata } from 'next';
import Link from 'next/link';
import { MaterialsTable } from '@/components/materials/materials-table';
import { SavedViewsBar } from '@/components/saved-views/saved-views-bar';
import { buttonClasses } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { calendarDateIn, viewerFormat } from '@/lib/format';
import { firstValues } from '@/lib/validation/list-params';
import { materialListSchema } from '@/lib/validation/materials';
import { packRows } from '@/lib/packed-rows';
import { requirePermission } from '@/server/auth/session';
import { findVisibleClient, listAssignableUsers } from '@/server/clients/queries';
import { findFilterCampaign, listMaterials } from '@/server/materials/queries';
import { getSavedViewsBar } from '@/server/saved-views/queries';

export const metadata: Metadata = { title: 'Materials' };

export default async function MaterialsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requirePermission('clients.read');
  const raw = firstValues(await searchParams);
  const savedViews = getSavedViewsBar(viewer, 'materials', raw);
  // A bare address may redirect to the user's default view: find out before querying the list.
  if (Object.keys(raw).length === 0) await savedViews;
  const params = materialListSchema.parse(raw);
  const now = new Date();
  const [{ rows, total, totalIsCapped }, users, bar, client, campaign] = await Promise.all([
    listMaterials(viewer, params, now),
    listAssignableUsers(viewer),
    savedViews,
    params.client ? findVisibleClient(viewer, params.client) : null,
    params.campaign ? findFilterCampaign(viewer, params.campaign) : null,
  ]);
  return (
    <>
      <PageHeader
        title="Materials"
        description="Presentations, videos, demos and sheets the team makes for clients."
        actions={
          <div className="flex gap-2">
            <Link href="/materials/library" className={buttonClasses('secondary')}>
              Library
            </Link>
            <Link href="/materials/new" className={buttonClasses('primary')}>
              Request material
            </Link>
          </div>
        }
      />
      <SavedViewsBar bar={bar} />
      <MaterialsTable
        rows={packRows(rows)}
        total={total}
        totalIsCapped={totalIsCapped}
        params={params}
        viewer={viewerFormat(viewer)}
        users={users}
        client={client}
        campaigns={campaign ? [campaign] : []}
        today={calendarDateIn(viewer.timeZone, now)}
        listedAt={now.toISOString()}
      />
    </>
  );
}

import type { Metadata } from 'next';
import { ContractsTable } from '@/components/contracts/contracts-table';
import { SavedViewsBar } from '@/components/saved-views/saved-views-bar';
import { PageHeader } from '@/components/ui/card';
import { viewerFormat } from '@/lib/format';
import { contractListSchema } from '@/lib/validation/contracts';
import { firstValues } from '@/lib/validation/list-params';
import { packRows } from '@/lib/packed-rows';
import { requirePermission } from '@/server/auth/session';
import { findVisibleClient } from '@/server/clients/queries';
import { listContracts } from '@/server/contracts/queries';
import { getSavedViewsBar } from '@/server/saved-views/queries';

export const metadata: Metadata = { title: 'Contracts' };

export default async function ContractsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requirePermission('clients.read');
  const raw = firstValues(await searchParams);
  const savedViews = getSavedViewsBar(viewer, 'contracts', raw);
  // A bare address may redirect to the user's default view: find out before querying the list.
  if (Object.keys(raw).length === 0) await savedViews;
  const params = contractListSchema.parse(raw);
  const [{ rows, total, totalIsCapped }, bar, client] = await Promise.all([
    listContracts(viewer, params),
    savedViews,
    params.client ? findVisibleClient(viewer, params.client) : null,
  ]);
  return (
    <>
      <PageHeader
        title="Contracts"
        description="Drafts, contracts out for signature, and what is signed and running. Start one from an accepted proposal or a client's page."
      />
      <SavedViewsBar bar={bar} />
      <ContractsTable
        rows={packRows(rows)}
        total={total}
        totalIsCapped={totalIsCapped}
        params={params}
        viewer={viewerFormat(viewer)}
        client={client}
      />
    </>
  );
}

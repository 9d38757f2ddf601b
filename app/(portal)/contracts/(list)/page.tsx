import type { Metadata } from 'next';
import { ContractsTable } from '@/components/contracts/contracts-table';
import { viewerFormat } from '@/lib/format';
import { contractListSchema } from '@/lib/validation/contracts';
import { firstValues } from '@/lib/validation/list-params';
import { packRows } from '@/lib/packed-rows';
import { requirePermission } from '@/server/auth/session';
import { findVisibleClient } from '@/server/clients/queries';
import { listContracts } from '@/server/contracts/queries';
import { openDefaultView } from '@/server/saved-views/queries';

export const metadata: Metadata = { title: 'Contracts' };

export default async function ContractsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requirePermission('clients.read');
  const raw = firstValues(await searchParams);
  // A bare address may redirect to the user's default view: find out before querying the list.
  await openDefaultView(viewer, 'contracts', raw);
  const params = contractListSchema.parse(raw);
  const [{ rows, total, totalIsCapped }, client] = await Promise.all([
    listContracts(viewer, params),
    params.client ? findVisibleClient(viewer, params.client) : null,
  ]);
  return (
    <ContractsTable
      rows={packRows(rows)}
      total={total}
      totalIsCapped={totalIsCapped}
      params={params}
      viewer={viewerFormat(viewer)}
      client={client}
    />
  );
}

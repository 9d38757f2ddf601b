import type { Metadata } from 'next';
import { ContractsTable } from '@/components/contracts/contracts-table';
import { PageHeader } from '@/components/ui/card';
import { viewerFormat } from '@/lib/format';
import { contractListSchema } from '@/lib/validation/contracts';
import { firstValues } from '@/lib/validation/list-params';
import { requirePermission } from '@/server/auth/session';
import { listContracts } from '@/server/contracts/queries';

export const metadata: Metadata = { title: 'Contracts' };

export default async function ContractsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requirePermission('clients.read');
  const params = contractListSchema.parse(firstValues(await searchParams));
  const { rows, total, totalIsCapped } = await listContracts(viewer, params);
  return (
    <>
      <PageHeader
        title="Contracts"
        description="Drafts, contracts out for signature, and what is signed and running. Start one from an accepted proposal or a client's page."
      />
      <ContractsTable
        rows={rows}
        total={total}
        totalIsCapped={totalIsCapped}
        params={params}
        viewer={viewerFormat(viewer)}
      />
    </>
  );
}

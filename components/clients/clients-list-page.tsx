import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { viewerFormat } from '@/lib/format';
import { clientListSchema } from '@/lib/validation/clients';
import { firstValues } from '@/lib/validation/list-params';
import { can } from '@/server/auth/permissions';
import { requirePermission } from '@/server/auth/session';
import { listClientFilterOptions, listClients } from '@/server/clients/queries';
import { ClientsTable } from './clients-table';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The clients list, or the same list preset to prospects: one page, two presets. */
export async function ClientsListPage({
  searchParams,
  prospects,
}: {
  searchParams: SearchParams;
  prospects: boolean;
}) {
  const viewer = await requirePermission('clients.read');
  const raw = firstValues(await searchParams);
  const params = clientListSchema.parse(
    prospects ? { sort: 'nextStepDate', ...raw, status: 'prospect' } : raw,
  );
  // Taken before the rows are read, so a bulk action skips anything changed while they load.
  const listedAt = new Date().toISOString();
  const [{ rows, total, totalIsCapped }, { users, tags }] = await Promise.all([
    listClients(viewer, params),
    listClientFilterOptions(viewer),
  ]);
  return (
    <>
      <PageHeader
        title={prospects ? 'Prospects' : 'Clients'}
        description={
          prospects
            ? 'Accounts you are researching and courting, with their next steps.'
            : 'Every account of the agency, with its owner and coordinator.'
        }
        actions={
          <Link
            href={prospects ? '/clients/new?status=prospect' : '/clients/new'}
            className={buttonClasses('primary')}
          >
            {prospects ? 'New prospect' : 'New client'}
          </Link>
        }
      />
      <ClientsTable
        rows={rows}
        total={total}
        totalIsCapped={totalIsCapped}
        params={params}
        viewer={viewerFormat(viewer)}
        users={users}
        tags={tags}
        prospects={prospects}
        listedAt={listedAt}
        canReassign={can(viewer, 'clients.reassign')}
      />
    </>
  );
}

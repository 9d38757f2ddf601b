import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { viewerFormat } from '@/lib/format';
import { clientListSchema } from '@/lib/validation/clients';
import { firstValues } from '@/lib/validation/list-params';
import { packRows } from '@/lib/packed-rows';
import { can } from '@/server/auth/permissions';
import { requirePermission } from '@/server/auth/session';
import { listClientFilterOptions, listClients, type ClientListRow } from '@/server/clients/queries';
import { SavedViewsBar } from '@/components/saved-views/saved-views-bar';
import { getSavedViewsBar } from '@/server/saved-views/queries';
import { ClientsTable, type ClientTableRow } from './clients-table';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** What the table shows of a row: the rest would travel to the browser in the page for nothing. */
function tableRow({
  website: _website,
  ownerId: _ownerId,
  coordinatorId: _coordinatorId,
  ...row
}: ClientListRow): ClientTableRow {
  return row;
}

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
  const savedViews = getSavedViewsBar(viewer, prospects ? 'prospects' : 'clients', raw);
  // A bare address may redirect to the user's default view: find out before querying the list.
  if (Object.keys(raw).length === 0) await savedViews;
  const params = clientListSchema.parse(
    prospects ? { sort: 'nextStepDate', ...raw, status: 'prospect' } : raw,
  );
  // Taken before the rows are read, so a bulk action skips anything changed while they load.
  const listedAt = new Date().toISOString();
  const [{ rows, total, totalIsCapped }, { users, tags }, bar] = await Promise.all([
    listClients(viewer, params),
    listClientFilterOptions(viewer),
    savedViews,
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
      <SavedViewsBar bar={bar} />
      <ClientsTable
        rows={packRows(rows.map(tableRow))}
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

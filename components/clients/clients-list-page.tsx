import type { ReactNode } from 'react';
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
import { openDefaultView, savedViewsBar } from '@/server/saved-views/queries';
import { ClientFilterOptionsProvider } from './client-filter-options';
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

/**
 * What the clients list (or the same list preset to prospects) shows at every address: its
 * header, saved views and the filters' people and tags. Rendered by the list's layout, so paging,
 * sorting and filtering re-render the table alone.
 */
export async function ClientsListLayout({
  prospects,
  children,
}: {
  prospects: boolean;
  children: ReactNode;
}) {
  const viewer = await requirePermission('clients.read');
  const [options, bar] = await Promise.all([
    listClientFilterOptions(viewer),
    savedViewsBar(viewer, prospects ? 'prospects' : 'clients'),
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
      <ClientFilterOptionsProvider value={options}>{children}</ClientFilterOptionsProvider>
    </>
  );
}

/** The table of the clients list, or of the same list preset to prospects: one page, two presets. */
export async function ClientsListPage({
  searchParams,
  prospects,
}: {
  searchParams: SearchParams;
  prospects: boolean;
}) {
  const viewer = await requirePermission('clients.read');
  const raw = firstValues(await searchParams);
  // A bare address may redirect to the user's default view: find out before querying the list.
  await openDefaultView(viewer, prospects ? 'prospects' : 'clients', raw);
  const params = clientListSchema.parse(
    prospects ? { sort: 'nextStepDate', ...raw, status: 'prospect' } : raw,
  );
  // Taken before the rows are read, so a bulk action skips anything changed while they load.
  const listedAt = new Date().toISOString();
  const { rows, total, totalIsCapped } = await listClients(viewer, params);
  return (
    <ClientsTable
      rows={packRows(rows.map(tableRow))}
      total={total}
      totalIsCapped={totalIsCapped}
      params={params}
      viewer={viewerFormat(viewer)}
      prospects={prospects}
      listedAt={listedAt}
      canReassign={can(viewer, 'clients.reassign')}
    />
  );
}

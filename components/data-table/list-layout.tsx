import type { ReactNode } from 'react';
import { SavedViewsBar } from '@/components/saved-views/saved-views-bar';
import type { SavedViewList } from '@/lib/saved-views';
import type { Permission } from '@/server/auth/permissions';
import { requirePermission, type CurrentUser } from '@/server/auth/session';
import { savedViewsBar } from '@/server/saved-views/queries';
import type { IdAndName } from '@/server/sql';
import { PeopleChoicesProvider } from './people-choices';

/**
 * What a list's layout renders at every address of the list: its header, its saved views strip
 * and the people its filters offer. Next.js keeps a layout while only the address's parameters
 * change, so paging, sorting and filtering re-render the table alone and skip these queries.
 */
export async function ListLayout({
  header,
  savedViews,
  people,
  permission = 'clients.read',
  children,
}: {
  header: ReactNode;
  savedViews?: SavedViewList;
  /** The people the table's filters and forms offer, read once here for every address. */
  people?: (viewer: CurrentUser) => Promise<IdAndName[]>;
  permission?: Permission;
  children: ReactNode;
}) {
  const viewer = await requirePermission(permission);
  const [bar, users] = await Promise.all([
    savedViews ? savedViewsBar(viewer, savedViews) : null,
    people ? people(viewer) : null,
  ]);
  return (
    <>
      {header}
      {bar ? <SavedViewsBar bar={bar} /> : null}
      {users ? (
        <PeopleChoicesProvider value={{ users }}>{children}</PeopleChoicesProvider>
      ) : (
        children
      )}
    </>
  );
}

import Link from 'next/link';
import type { ReactNode } from 'react';
import { PeopleChoicesProvider } from '@/components/data-table/people-choices';
import { SavedViewsBar } from '@/components/saved-views/saved-views-bar';
import { buttonClasses } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/server/auth/session';
import { listAssignablePeople } from '@/server/clients/queries';
import { savedViewsBar } from '@/server/saved-views/queries';

/** What the materials list shows at every address: paging, sorting and filtering skip it. */
export default async function MaterialsLayout({ children }: { children: ReactNode }) {
  const viewer = await requirePermission('clients.read');
  const [users, bar] = await Promise.all([
    listAssignablePeople(viewer),
    savedViewsBar(viewer, 'materials'),
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
      <PeopleChoicesProvider value={{ users }}>{children}</PeopleChoicesProvider>
    </>
  );
}

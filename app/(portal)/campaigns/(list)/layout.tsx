import Link from 'next/link';
import type { ReactNode } from 'react';
import { PeopleChoicesProvider } from '@/components/data-table/people-choices';
import { SavedViewsBar } from '@/components/saved-views/saved-views-bar';
import { buttonClasses } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/server/auth/session';
import { listAssignablePeople } from '@/server/clients/queries';
import { savedViewsBar } from '@/server/saved-views/queries';

/** What the campaigns list shows at every address: paging, sorting and filtering skip it. */
export default async function CampaignsLayout({ children }: { children: ReactNode }) {
  const viewer = await requirePermission('clients.read');
  const [users, bar] = await Promise.all([
    listAssignablePeople(viewer),
    savedViewsBar(viewer, 'campaigns'),
  ]);
  return (
    <>
      <PageHeader
        title="Campaigns"
        description="Client campaigns with their budgets: what is planned, committed and spent."
        actions={
          <Link href="/campaigns/new" className={buttonClasses('primary')}>
            New campaign
          </Link>
        }
      />
      <SavedViewsBar bar={bar} />
      <PeopleChoicesProvider value={{ users }}>{children}</PeopleChoicesProvider>
    </>
  );
}

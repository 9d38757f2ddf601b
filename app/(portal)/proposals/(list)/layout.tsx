import Link from 'next/link';
import type { ReactNode } from 'react';
import { PeopleChoicesProvider } from '@/components/data-table/people-choices';
import { SavedViewsBar } from '@/components/saved-views/saved-views-bar';
import { buttonClasses } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { can } from '@/server/auth/permissions';
import { requirePermission } from '@/server/auth/session';
import { listAssignablePeople } from '@/server/clients/queries';
import { savedViewsBar } from '@/server/saved-views/queries';

/** What the proposals list shows at every address: paging, sorting and filtering skip it. */
export default async function ProposalsLayout({ children }: { children: ReactNode }) {
  const viewer = await requirePermission('clients.read');
  const [users, bar] = await Promise.all([
    listAssignablePeople(viewer),
    savedViewsBar(viewer, 'proposals'),
  ]);
  return (
    <>
      <PageHeader
        title="Proposals"
        description="Drafts, proposals in review, and what was sent to clients."
        actions={
          <div className="flex gap-2">
            {can(viewer, 'proposals.review') ? (
              <Link href="/proposals/review" className={buttonClasses('secondary')}>
                Review queue
              </Link>
            ) : null}
            <Link href="/proposals/new" className={buttonClasses('primary')}>
              New proposal
            </Link>
          </div>
        }
      />
      <SavedViewsBar bar={bar} />
      <PeopleChoicesProvider value={{ users }}>{children}</PeopleChoicesProvider>
    </>
  );
}

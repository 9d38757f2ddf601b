import Link from 'next/link';
import type { ReactNode } from 'react';
import { ListLayout } from '@/components/data-table/list-layout';
import { buttonClasses } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { can } from '@/server/auth/permissions';
import { requirePermission } from '@/server/auth/session';
import { listAssignablePeople } from '@/server/clients/queries';

export default async function ProposalsLayout({ children }: { children: ReactNode }) {
  const viewer = await requirePermission('clients.read');
  return (
    <ListLayout
      savedViews="proposals"
      people={listAssignablePeople}
      header={
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
      }
    >
      {children}
    </ListLayout>
  );
}

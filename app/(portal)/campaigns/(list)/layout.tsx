import Link from 'next/link';
import type { ReactNode } from 'react';
import { ListLayout } from '@/components/data-table/list-layout';
import { buttonClasses } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { listAssignablePeople } from '@/server/clients/queries';

export default function CampaignsLayout({ children }: { children: ReactNode }) {
  return (
    <ListLayout
      savedViews="campaigns"
      people={listAssignablePeople}
      header={
        <PageHeader
          title="Campaigns"
          description="Client campaigns with their budgets: what is planned, committed and spent."
          actions={
            <Link href="/campaigns/new" className={buttonClasses('primary')}>
              New campaign
            </Link>
          }
        />
      }
    >
      {children}
    </ListLayout>
  );
}

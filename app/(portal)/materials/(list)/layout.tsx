import Link from 'next/link';
import type { ReactNode } from 'react';
import { ListLayout } from '@/components/data-table/list-layout';
import { buttonClasses } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { listAssignablePeople } from '@/server/clients/queries';

export default function MaterialsLayout({ children }: { children: ReactNode }) {
  return (
    <ListLayout
      savedViews="materials"
      people={listAssignablePeople}
      header={
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
      }
    >
      {children}
    </ListLayout>
  );
}

import Link from 'next/link';
import type { ReactNode } from 'react';
import { ListLayout } from '@/components/data-table/list-layout';
import { buttonClasses } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { listRoutingChoices } from '@/server/feedback/queries';

export default function FeedbackLayout({ children }: { children: ReactNode }) {
  return (
    <ListLayout
      people={listRoutingChoices}
      header={
        <PageHeader
          title="Feedback"
          description="What clients told the team, who answers it, and when it is due."
          actions={
            <Link href="/feedback/new" className={buttonClasses('primary')}>
              Log feedback
            </Link>
          }
        />
      }
    >
      {children}
    </ListLayout>
  );
}

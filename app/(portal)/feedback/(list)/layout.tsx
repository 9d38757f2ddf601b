import Link from 'next/link';
import type { ReactNode } from 'react';
import { PeopleChoicesProvider } from '@/components/data-table/people-choices';
import { buttonClasses } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/server/auth/session';
import { listRoutingChoices } from '@/server/feedback/queries';

/** What the feedback list shows at every address: paging, sorting and filtering skip it. */
export default async function FeedbackLayout({ children }: { children: ReactNode }) {
  const viewer = await requirePermission('clients.read');
  return (
    <>
      <PageHeader
        title="Feedback"
        description="What clients told the team, who answers it, and when it is due."
        actions={
          <Link href="/feedback/new" className={buttonClasses('primary')}>
            Log feedback
          </Link>
        }
      />
      <PeopleChoicesProvider value={{ users: await listRoutingChoices(viewer) }}>
        {children}
      </PeopleChoicesProvider>
    </>
  );
}

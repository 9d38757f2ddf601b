import type { ReactNode } from 'react';
import { PeopleChoicesProvider } from '@/components/data-table/people-choices';
import { PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/server/auth/session';
import { listAssignablePeople } from '@/server/clients/queries';

/** What the tasks page shows at every address: paging, sorting and filtering skip it. */
export default async function TasksLayout({ children }: { children: ReactNode }) {
  const viewer = await requirePermission('clients.read');
  return (
    <>
      <PageHeader
        title="Tasks"
        description="Follow-ups for the team, each with a due time and an assignee."
      />
      <PeopleChoicesProvider value={{ users: await listAssignablePeople(viewer) }}>
        {children}
      </PeopleChoicesProvider>
    </>
  );
}

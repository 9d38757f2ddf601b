import type { ReactNode } from 'react';
import { ListLayout } from '@/components/data-table/list-layout';
import { PageHeader } from '@/components/ui/card';
import { listAssignablePeople } from '@/server/clients/queries';

export default function TasksLayout({ children }: { children: ReactNode }) {
  return (
    <ListLayout
      people={listAssignablePeople}
      header={
        <PageHeader
          title="Tasks"
          description="Follow-ups for the team, each with a due time and an assignee."
        />
      }
    >
      {children}
    </ListLayout>
  );
}

import type { ReactNode } from 'react';
import { ListLayout } from '@/components/data-table/list-layout';
import { PipelineHeader } from '@/components/deals/pipeline-header';
import { listAssignablePeople } from '@/server/clients/queries';

export default function PipelineTableLayout({ children }: { children: ReactNode }) {
  return (
    <ListLayout
      savedViews="deals"
      people={listAssignablePeople}
      header={<PipelineHeader current="Table" />}
    >
      {children}
    </ListLayout>
  );
}

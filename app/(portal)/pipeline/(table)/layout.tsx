import type { ReactNode } from 'react';
import { PeopleChoicesProvider } from '@/components/data-table/people-choices';
import { PipelineHeader } from '@/components/deals/pipeline-header';
import { SavedViewsBar } from '@/components/saved-views/saved-views-bar';
import { requirePermission } from '@/server/auth/session';
import { listAssignablePeople } from '@/server/clients/queries';
import { savedViewsBar } from '@/server/saved-views/queries';

/** What the pipeline's table shows at every address: paging, sorting and filtering skip it. */
export default async function PipelineTableLayout({ children }: { children: ReactNode }) {
  const viewer = await requirePermission('clients.read');
  const [users, bar] = await Promise.all([
    listAssignablePeople(viewer),
    savedViewsBar(viewer, 'deals'),
  ]);
  return (
    <>
      <PipelineHeader current="Table" />
      <SavedViewsBar bar={bar} />
      <PeopleChoicesProvider value={{ users }}>{children}</PeopleChoicesProvider>
    </>
  );
}

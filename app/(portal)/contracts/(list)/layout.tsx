import type { ReactNode } from 'react';
import { ListLayout } from '@/components/data-table/list-layout';
import { PageHeader } from '@/components/ui/card';

export default function ContractsLayout({ children }: { children: ReactNode }) {
  return (
    <ListLayout
      savedViews="contracts"
      header={
        <PageHeader
          title="Contracts"
          description="Drafts, contracts out for signature, and what is signed and running. Start one from an accepted proposal or a client's page."
        />
      }
    >
      {children}
    </ListLayout>
  );
}

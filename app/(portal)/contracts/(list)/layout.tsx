import type { ReactNode } from 'react';
import { SavedViewsBar } from '@/components/saved-views/saved-views-bar';
import { PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/server/auth/session';
import { savedViewsBar } from '@/server/saved-views/queries';

/** What the contracts list shows at every address: paging, sorting and filtering skip it. */
export default async function ContractsLayout({ children }: { children: ReactNode }) {
  const viewer = await requirePermission('clients.read');
  return (
    <>
      <PageHeader
        title="Contracts"
        description="Drafts, contracts out for signature, and what is signed and running. Start one from an accepted proposal or a client's page."
      />
      <SavedViewsBar bar={await savedViewsBar(viewer, 'contracts')} />
      {children}
    </>
  );
}

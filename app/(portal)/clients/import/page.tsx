import type { Metadata } from 'next';
import { ImportWizard } from '@/components/clients/import-wizard';
import { BackLink } from '@/components/ui/back-link';
import { PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/server/auth/session';

export const metadata: Metadata = { title: 'Import clients' };

export default async function ImportClientsPage() {
  await requirePermission('clients.write');
  return (
    <>
      <BackLink href="/clients">Clients</BackLink>
      <PageHeader
        title="Import clients"
        description="Bring accounts and their main contact from a CSV file. Every row is checked first; if any row has a problem, nothing is imported."
      />
      <ImportWizard />
    </>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { ImportWizard } from '@/components/clients/import-wizard';
import { PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/server/auth/session';

export const metadata: Metadata = { title: 'Import clients' };

export default async function ImportClientsPage() {
  await requirePermission('clients.write');
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/clients" className="text-brand-700 hover:underline">
          Clients
        </Link>
      </p>
      <PageHeader
        title="Import clients"
        description="Bring accounts and their main contact from a CSV file. Every row is checked first; if any row has a problem, nothing is imported."
      />
      <ImportWizard />
    </>
  );
}

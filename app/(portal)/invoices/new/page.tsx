import type { Metadata } from 'next';
import { z } from 'zod';
import { NewInvoiceForm } from '@/components/invoices/new-invoice-form';
import { ClientSearchStep } from '@/components/clients/client-search-step';
import { BackLink } from '@/components/ui/back-link';
import { Card, PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/server/auth/session';
import { findClientsForInvoice, getClientForInvoice } from '@/server/invoices/queries';

export const metadata: Metadata = { title: 'New invoice' };

export default async function NewInvoicePage({
  searchParams,
}: {
  searchParams: Promise<{ clientId?: string; q?: string }>;
}) {
  const viewer = await requirePermission('invoices.draft');
  const params = await searchParams;
  const clientId = z.uuid().safeParse(params.clientId).data;
  const client = clientId ? await getClientForInvoice(viewer, clientId) : null;
  const matches = !client && params.q ? await findClientsForInvoice(viewer, params.q) : [];
  return (
    <>
      <BackLink href="/invoices">All invoices</BackLink>
      <PageHeader
        title="New invoice"
        description={
          client
            ? `For ${client.name}, in ${client.currency}.`
            : 'Choose the client the invoice is for.'
        }
      />
      <Card>
        {client ? (
          <NewInvoiceForm clientId={client.id} />
        ) : (
          <ClientSearchStep
            query={params.q}
            matches={matches}
            hrefFor={(id) => `/invoices/new?clientId=${id}`}
          />
        )}
      </Card>
    </>
  );
}

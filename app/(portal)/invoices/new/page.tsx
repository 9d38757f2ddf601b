import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { NewInvoiceForm } from '@/components/invoices/new-invoice-form';
import { BackLink } from '@/components/ui/back-link';
import { buttonClasses } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/card';
import { Input } from '@/components/ui/field';
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
          <>
            <form role="search" className="flex max-w-xl gap-2">
              <label htmlFor="q" className="sr-only">
                Client name
              </label>
              <Input id="q" name="q" defaultValue={params.q ?? ''} placeholder="Client name" />
              <button type="submit" className={buttonClasses('secondary')}>
                Find
              </button>
            </form>
            {params.q ? (
              <ul className="mt-4 divide-y divide-slate-100" aria-label="Matching clients">
                {matches.length === 0 ? (
                  <li className="py-2 text-sm text-slate-600">No client matches “{params.q}”.</li>
                ) : (
                  matches.map((match) => (
                    <li key={match.id} className="py-2 text-sm">
                      <Link
                        href={`/invoices/new?clientId=${match.id}`}
                        className="font-medium text-brand-700 hover:underline"
                      >
                        {match.name}
                      </Link>
                    </li>
                  ))
                )}
              </ul>
            ) : null}
          </>
        )}
      </Card>
    </>
  );
}

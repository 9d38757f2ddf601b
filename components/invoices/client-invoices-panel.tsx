import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { formatMoney } from '@/lib/format';
import type { CurrentUser } from '@/server/auth/session';
import { listClientInvoices } from '@/server/invoices/queries';
import { InvoiceStatusBadge } from './invoice-status-badge';

/** The client page's invoices, newest first, reading its own rows within the viewer's visibility. */
export async function ClientInvoicesPanel({
  viewer,
  clientId,
}: {
  viewer: CurrentUser;
  clientId: string;
}) {
  const invoices = await listClientInvoices(viewer, clientId);
  return (
    <Card
      title="Invoices"
      actions={
        <Link
          href={`/invoices/new?clientId=${clientId}`}
          className="text-sm font-medium text-brand-700 hover:underline"
        >
          New invoice
        </Link>
      }
    >
      {invoices.length === 0 ? (
        <p className="text-sm text-slate-600">No invoices yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {invoices.map((invoice) => (
            <li key={invoice.id} className="flex items-center justify-between gap-3 py-2 text-sm">
              <Link
                href={`/invoices/${invoice.id}`}
                className="font-medium text-brand-700 hover:underline"
              >
                {invoice.number ?? 'Draft invoice'}
              </Link>
              <span className="flex shrink-0 items-center gap-2">
                <span className="tabular-nums">
                  {formatMoney(invoice.balanceCents, invoice.currency, viewer.locale)}
                </span>
                <InvoiceStatusBadge status={invoice.status} />
              </span>
            </li>
          ))}
        </ul>
      )}
      {invoices.length > 0 ? (
        <Link
          href={`/invoices?client=${clientId}`}
          className="mt-2 inline-block text-sm text-brand-700 hover:underline"
        >
          All of this client’s invoices
        </Link>
      ) : null}
    </Card>
  );
}

import type { Metadata } from 'next';
import { InvoicesTable } from '@/components/invoices/invoices-table';
import { viewerFormat } from '@/lib/format';
import { invoiceListSchema } from '@/lib/validation/invoices';
import { firstValues } from '@/lib/validation/list-params';
import { packRows } from '@/lib/packed-rows';
import { requirePermission } from '@/server/auth/session';
import { findVisibleClient } from '@/server/clients/queries';
import { listInvoices } from '@/server/invoices/queries';
import { openDefaultView } from '@/server/saved-views/queries';

export const metadata: Metadata = { title: 'Invoices' };

export default async function InvoicesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requirePermission('clients.read');
  const raw = firstValues(await searchParams);
  // A bare address may redirect to the user's default view: find out before querying the list.
  await openDefaultView(viewer, 'invoices', raw);
  const params = invoiceListSchema.parse(raw);
  const [{ rows, total, totalIsCapped, totals }, client] = await Promise.all([
    listInvoices(viewer, params),
    params.client ? findVisibleClient(viewer, params.client) : null,
  ]);
  const hasFilters = Boolean(
    params.q || params.status || params.overdue || params.client || params.from || params.to,
  );
  return (
    <InvoicesTable
      rows={packRows(rows)}
      total={total}
      totalIsCapped={totalIsCapped}
      totals={totals}
      params={params}
      viewer={viewerFormat(viewer)}
      hasFilters={hasFilters}
      client={client}
    />
  );
}

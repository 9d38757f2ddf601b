import type { Metadata } from 'next';
import Link from 'next/link';
import { InvoicesTable } from '@/components/invoices/invoices-table';
import { SavedViewsBar } from '@/components/saved-views/saved-views-bar';
import { buttonClasses } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { viewerFormat } from '@/lib/format';
import { invoiceListSchema } from '@/lib/validation/invoices';
import { firstValues } from '@/lib/validation/list-params';
import { packRows } from '@/lib/packed-rows';
import { requirePermission } from '@/server/auth/session';
import { findVisibleClient } from '@/server/clients/queries';
import { listInvoices } from '@/server/invoices/queries';
import { getSavedViewsBar } from '@/server/saved-views/queries';

export const metadata: Metadata = { title: 'Invoices' };

export default async function InvoicesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requirePermission('clients.read');
  const raw = firstValues(await searchParams);
  const savedViews = getSavedViewsBar(viewer, 'invoices', raw);
  // A bare address may redirect to the user's default view: find out before querying the list.
  if (Object.keys(raw).length === 0) await savedViews;
  const params = invoiceListSchema.parse(raw);
  const [{ rows, total, totalIsCapped, totals }, bar, client] = await Promise.all([
    listInvoices(viewer, params),
    savedViews,
    params.client ? findVisibleClient(viewer, params.client) : null,
  ]);
  const hasFilters = Boolean(
    params.q || params.status || params.overdue || params.client || params.from || params.to,
  );
  return (
    <>
      <PageHeader
        title="Invoices"
        description="Drafts, issued invoices, payments and what is still owed."
        actions={
          <div className="flex gap-2">
            <Link href="/invoices/aging" className={buttonClasses('secondary')}>
              Aging report
            </Link>
            <Link href="/invoices/new" className={buttonClasses('primary')}>
              New invoice
            </Link>
          </div>
        }
      />
      <SavedViewsBar bar={bar} />
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
    </>
  );
}

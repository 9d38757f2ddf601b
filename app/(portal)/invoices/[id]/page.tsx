import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import {
  CreditNoteForm,
  IssueInvoiceForm,
  RecordPaymentForm,
  VoidInvoiceForm,
} from '@/components/invoices/invoice-actions';
import { InvoiceDocument } from '@/components/invoices/invoice-document';
import { InvoiceDraftForm } from '@/components/invoices/invoice-draft-form';
import { InvoiceStatusBadge } from '@/components/invoices/invoice-status-badge';
import { FilesPanel } from '@/components/documents/files-panel';
import { BackLink } from '@/components/ui/back-link';
import { buttonClasses } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/card';
import { calendarDateIn, formatDate, viewerFormat } from '@/lib/format';
import { openInvoiceStatuses, type InvoiceStatus } from '@/lib/invoices';
import { requirePermission } from '@/server/auth/session';
import { getInvoicePage } from '@/server/invoices/queries';

export const metadata: Metadata = { title: 'Invoice' };

/** Cents as the amount fields take them back: "1234.50". */
function amountField(cents: number) {
  return (cents / 100).toFixed(2);
}

export default async function InvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePermission('clients.read');
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const page = await getInvoicePage(viewer, id.data);
  const { invoice } = page;
  const format = viewerFormat(viewer);
  const target = { id: invoice.id, version: invoice.version };
  const open = (openInvoiceStatuses as readonly InvoiceStatus[]).includes(invoice.status);
  return (
    <>
      <BackLink href="/invoices">All invoices</BackLink>
      <PageHeader
        title={invoice.number ? `Invoice ${invoice.number}` : 'Draft invoice'}
        description={`For ${page.clientName}, in ${invoice.currency}.`}
        actions={
          <a href={`/invoices/${invoice.id}/pdf`} className={buttonClasses('secondary')}>
            Download PDF
          </a>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Card title="Invoice">
            <dl className="mb-4 grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
              <div>
                <dt className="text-slate-600">Status</dt>
                <dd>
                  <InvoiceStatusBadge status={invoice.status} />
                </dd>
              </div>
              <div>
                <dt className="text-slate-600">Client</dt>
                <dd>
                  <Link
                    href={`/clients/${invoice.clientId}`}
                    className="text-brand-700 hover:underline"
                  >
                    {page.clientName}
                  </Link>
                </dd>
              </div>
              {invoice.contractId ? (
                <div>
                  <dt className="text-slate-600">Contract</dt>
                  <dd className="break-words">
                    <Link
                      href={`/contracts/${invoice.contractId}`}
                      className="text-brand-700 hover:underline"
                    >
                      {page.contractTitle}
                    </Link>
                  </dd>
                </div>
              ) : null}
              <div>
                <dt className="text-slate-600">Issue date</dt>
                <dd>{formatDate(invoice.issueDate, format)}</dd>
              </div>
              <div>
                <dt className="text-slate-600">Due date</dt>
                <dd>{formatDate(invoice.dueDate, format)}</dd>
              </div>
            </dl>
            {invoice.status === 'void' ? (
              <p className="mb-4 rounded-md bg-slate-50 p-3 text-sm text-slate-700">
                Void: {invoice.voidReason}
              </p>
            ) : null}
            {invoice.status === 'draft' ? (
              <InvoiceDraftForm
                key={invoice.version}
                invoice={invoice}
                initialLines={page.lines.map((line) => ({
                  description: line.description,
                  quantity: String(line.quantityMilli / 1000),
                  unitPrice: amountField(line.unitPriceCents),
                  discount: line.discountBasisPoints ? String(line.discountBasisPoints / 100) : '',
                  taxRateName: line.taxRateName,
                }))}
                taxRates={page.taxRates}
                locale={viewer.locale}
              />
            ) : (
              <InvoiceDocument page={page} viewer={format} />
            )}
          </Card>
        </div>
        <div className="min-w-0 space-y-4">
          {invoice.status === 'draft' ? (
            page.mayIssue ? (
              <IssueInvoiceForm target={target} />
            ) : (
              <p className="rounded-md border border-slate-200 p-4 text-sm text-slate-600">
                The account owner or a manager issues this invoice.
              </p>
            )
          ) : null}
          {open && page.mayIssue ? (
            <>
              <RecordPaymentForm target={target} today={calendarDateIn(viewer.timeZone)} />
              <CreditNoteForm target={target} />
              {invoice.paidCents === 0 ? <VoidInvoiceForm target={target} /> : null}
            </>
          ) : null}
          <FilesPanel recordKind="invoice" recordId={invoice.id} viewer={viewer} />
        </div>
      </div>
    </>
  );
}

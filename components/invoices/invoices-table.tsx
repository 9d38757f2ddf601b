'use client';

import Link from 'next/link';
import {
  DataTable,
  type DataTableColumn,
  type DataTableParams,
} from '@/components/data-table/data-table';
import { ExportCsvLink } from '@/components/data-table/export-csv-link';
import { DateFilter } from '@/components/data-table/date-filter';
import { SearchInput } from '@/components/data-table/search-input';
import { ClientFilter } from '@/components/data-table/client-filter';
import { SelectFilter } from '@/components/data-table/select-filter';
import { formatDate, formatMoney, type ViewerFormat } from '@/lib/format';
import { invoiceStatuses, invoiceStatusLabels } from '@/lib/invoices';
import type { InvoiceCurrencyTotal, InvoiceListRow } from '@/server/invoices/queries';
import type { PackedRows } from '@/lib/packed-rows';
import { InvoiceStatusBadge } from './invoice-status-badge';

function columnsFor(viewer: ViewerFormat): DataTableColumn<InvoiceListRow>[] {
  const money = (cents: number, currency: string) => formatMoney(cents, currency, viewer.locale);
  return [
    {
      accessorKey: 'number',
      header: 'Number',
      enableHiding: false,
      cell: ({ row }) => (
        <Link href={`/invoices/${row.original.id}`}>{row.original.number ?? 'Draft'}</Link>
      ),
    },
    {
      id: 'client',
      accessorKey: 'clientName',
      header: 'Client',
      cell: ({ row }) => row.original.clientName,
    },
    {
      accessorKey: 'issueDate',
      header: 'Issue date',
      cell: ({ row }) => formatDate(row.original.issueDate, viewer),
    },
    {
      accessorKey: 'dueDate',
      header: 'Due date',
      cell: ({ row }) => formatDate(row.original.dueDate, viewer),
    },
    {
      id: 'total',
      accessorKey: 'totalCents',
      header: 'Total',
      cell: ({ row }) => money(row.original.totalCents, row.original.currency),
    },
    {
      id: 'balance',
      accessorKey: 'balanceCents',
      header: 'Balance',
      cell: ({ row }) => money(row.original.balanceCents, row.original.currency),
    },
    {
      accessorKey: 'status',
      header: 'Status',
      cell: ({ row }) => <InvoiceStatusBadge status={row.original.status} />,
    },
  ];
}

export function InvoicesTable({
  rows,
  total,
  totalIsCapped,
  totals,
  params,
  viewer,
  hasFilters,
  client,
}: {
  rows: PackedRows<InvoiceListRow>;
  total: number;
  totalIsCapped: boolean;
  totals: InvoiceCurrencyTotal[];
  params: DataTableParams;
  viewer: ViewerFormat;
  hasFilters: boolean;
  /** The client the list is filtered by, when one is set. */
  client: { id: string; name: string } | null;
}) {
  return (
    <div className="space-y-3">
      <DataTable
        locale={viewer.locale}
        label="Invoices"
        columns={columnsFor(viewer)}
        rows={rows}
        total={total}
        totalIsCapped={totalIsCapped}
        params={params}
        getRowId={(row) => row.id}
        getRowHref={(row) => `/invoices/${row.id}`}
        actions={<ExportCsvLink href="/invoices/export" />}
        emptyState={
          hasFilters ? (
            <>
              No invoices match these filters.{' '}
              <Link href="/invoices" className="text-brand-700 hover:underline">
                Clear the filters
              </Link>
            </>
          ) : (
            'No invoices yet. Draft one from a client.'
          )
        }
        toolbar={
          <>
            <SearchInput label="Search" placeholder="Number or client" />
            <ClientFilter selected={client} />
            <SelectFilter
              param="status"
              label="Status"
              allLabel="Any status"
              options={invoiceStatuses.map((status) => ({
                value: status,
                label: invoiceStatusLabels[status],
              }))}
            />
            <SelectFilter
              param="overdue"
              label="Overdue"
              allLabel="Any due date"
              options={[{ value: '1', label: 'Past due, still owed' }]}
            />
            <DateFilter param="from" label="Issued from" />
            <DateFilter param="to" label="Issued to" />
          </>
        }
      />
      {totals.length > 0 ? (
        <dl
          aria-label="Totals of these invoices per currency"
          className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-700"
        >
          {totals.map((row) => (
            <div key={row.currency} className="flex gap-2">
              <dt className="font-medium">{row.currency}</dt>
              <dd>
                {formatMoney(row.totalCents, row.currency, viewer.locale)} invoiced,{' '}
                {formatMoney(row.balanceCents, row.currency, viewer.locale)} owed
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </div>
  );
}

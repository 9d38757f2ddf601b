'use client';

import Link from 'next/link';
import {
  DataTable,
  type DataTableColumn,
  type DataTableParams,
} from '@/components/data-table/data-table';
import { ExportCsvLink } from '@/components/data-table/export-csv-link';
import { SearchInput } from '@/components/data-table/search-input';
import { ClientFilter } from '@/components/data-table/client-filter';
import { SelectFilter } from '@/components/data-table/select-filter';
import { contractStatuses, contractStatusLabels, noticeWindows } from '@/lib/contracts';
import { formatDate, formatMoney, type ViewerFormat } from '@/lib/format';
import type { ContractListRow } from '@/server/contracts/queries';
import type { PackedRows } from '@/lib/packed-rows';
import { ContractStatusBadge } from './contract-status-badge';

function columnsFor(viewer: ViewerFormat): DataTableColumn<ContractListRow>[] {
  return [
    {
      accessorKey: 'title',
      header: 'Title',
      enableHiding: false,
      cell: ({ row }) => <Link href={`/contracts/${row.original.id}`}>{row.original.title}</Link>,
    },
    {
      accessorKey: 'status',
      header: 'Status',
      cell: ({ row }) => <ContractStatusBadge status={row.original.status} />,
    },
    {
      id: 'client',
      accessorKey: 'clientName',
      header: 'Client',
      cell: ({ row }) => row.original.clientName,
    },
    {
      id: 'owner',
      accessorKey: 'ownerName',
      header: 'Owner',
      cell: ({ row }) => row.original.ownerName ?? '—',
    },
    {
      id: 'value',
      accessorKey: 'valueCents',
      header: 'Value',
      cell: ({ row }) => formatMoney(row.original.valueCents, row.original.currency, viewer.locale),
    },
    {
      accessorKey: 'startDate',
      header: 'Start',
      cell: ({ row }) => formatDate(row.original.startDate, viewer),
    },
    {
      accessorKey: 'endDate',
      header: 'End',
      cell: ({ row }) => formatDate(row.original.endDate, viewer),
    },
    {
      accessorKey: 'noticeDeadline',
      header: 'Notice deadline',
      cell: ({ row }) => formatDate(row.original.noticeDeadline, viewer),
    },
  ];
}

export function ContractsTable({
  rows,
  total,
  totalIsCapped,
  params,
  viewer,
  client,
}: {
  rows: PackedRows<ContractListRow>;
  total: number;
  totalIsCapped: boolean;
  params: DataTableParams;
  viewer: ViewerFormat;
  /** The client the list is filtered by, when one is set. */
  client: { id: string; name: string } | null;
}) {
  return (
    <DataTable
      locale={viewer.locale}
      label="Contracts"
      columns={columnsFor(viewer)}
      rows={rows}
      total={total}
      totalIsCapped={totalIsCapped}
      params={params}
      getRowId={(row) => row.id}
      getRowHref={(row) => `/contracts/${row.id}`}
      emptyState="No contracts match these filters."
      actions={<ExportCsvLink href="/contracts/export" />}
      toolbar={
        <>
          <SearchInput label="Search" placeholder="Title or client" />
          <ClientFilter selected={client} />
          <SelectFilter
            param="status"
            label="Status"
            allLabel="Any status"
            options={contractStatuses.map((status) => ({
              value: status,
              label: contractStatusLabels[status],
            }))}
          />
          <SelectFilter
            param="notice"
            label="Notice due"
            allLabel="Any time"
            options={noticeWindows.map((days) => ({
              value: String(days),
              label: `Within ${days} days`,
            }))}
          />
        </>
      }
    />
  );
}

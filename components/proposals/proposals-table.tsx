'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import {
  DataTable,
  type DataTableColumn,
  type DataTableParams,
} from '@/components/data-table/data-table';
import { SearchInput } from '@/components/data-table/search-input';
import { SelectFilter } from '@/components/data-table/select-filter';
import { formatDate, formatDateTime, formatMoney, type ViewerFormat } from '@/lib/format';
import { proposalStatuses, proposalStatusLabels, type ProposalStatus } from '@/lib/proposals';
import type { PackedRows } from '@/lib/packed-rows';
import { ProposalBulkActions } from './proposal-bulk-actions';
import { usePeopleChoices } from '@/components/data-table/people-choices';
import { ProposalStatusBadge } from './proposal-status-badge';

export type ProposalTableRow = {
  id: string;
  title: string;
  status: ProposalStatus;
  clientId: string;
  clientName: string;
  amountCents: number;
  currency: string;
  authorName: string | null;
  reviewerName: string | null;
  validUntil: string | null;
  updatedAt: Date;
  version: number;
};

function columnsFor(viewer: ViewerFormat): DataTableColumn<ProposalTableRow>[] {
  return [
    {
      accessorKey: 'title',
      header: 'Title',
      enableHiding: false,
      cell: ({ row }) => <Link href={`/proposals/${row.original.id}`}>{row.original.title}</Link>,
    },
    {
      id: 'client',
      accessorKey: 'clientName',
      header: 'Client',
      cell: ({ row }) => row.original.clientName,
    },
    {
      accessorKey: 'status',
      header: 'Status',
      cell: ({ row }) => <ProposalStatusBadge status={row.original.status} />,
    },
    {
      id: 'amount',
      accessorKey: 'amountCents',
      header: 'Amount',
      cell: ({ row }) =>
        formatMoney(row.original.amountCents, row.original.currency, viewer.locale),
    },
    {
      id: 'author',
      accessorKey: 'authorName',
      header: 'Author',
      cell: ({ row }) => row.original.authorName ?? '—',
    },
    {
      id: 'reviewer',
      accessorKey: 'reviewerName',
      header: 'Reviewer',
      cell: ({ row }) => row.original.reviewerName ?? '—',
    },
    {
      accessorKey: 'validUntil',
      header: 'Valid until',
      cell: ({ row }) => formatDate(row.original.validUntil, viewer),
    },
    {
      accessorKey: 'updatedAt',
      header: 'Updated',
      cell: ({ row }) => formatDateTime(row.original.updatedAt, viewer),
    },
  ];
}

export function ProposalsTable({
  rows,
  total,
  totalIsCapped,
  params,
  viewer,
  listedAt,
}: {
  rows: PackedRows<ProposalTableRow>;
  total: number;
  totalIsCapped: boolean;
  params: DataTableParams;
  viewer: ViewerFormat;
  /** When the server read these rows (ISO): bulk actions skip proposals changed since. */
  listedAt: string;
}) {
  const { users } = usePeopleChoices();
  const searchParams = useSearchParams();
  const filter = Object.fromEntries(searchParams);
  delete filter.page;
  delete filter.size;
  delete filter.hide;
  const userOptions = users.map((user) => ({ value: user.id, label: user.name }));
  return (
    <DataTable
      locale={viewer.locale}
      label="Proposals"
      columns={columnsFor(viewer)}
      rows={rows}
      total={total}
      totalIsCapped={totalIsCapped}
      params={params}
      getRowId={(row) => row.id}
      getRowHref={(row) => `/proposals/${row.id}`}
      bulk={{
        getVersion: (row) => row.version,
        getLabel: (row) => row.title,
        filter,
        listedAt,
        noun: 'proposals',
        actions: (context) => <ProposalBulkActions context={context} />,
      }}
      emptyState="No proposals match these filters."
      toolbar={
        <>
          <SearchInput label="Search" placeholder="Title or client" />
          <SelectFilter
            param="status"
            label="Status"
            allLabel="Any status"
            options={proposalStatuses.map((status) => ({
              value: status,
              label: proposalStatusLabels[status],
            }))}
          />
          <SelectFilter param="author" label="Author" allLabel="Anyone" options={userOptions} />
          <SelectFilter param="reviewer" label="Reviewer" allLabel="Anyone" options={userOptions} />
        </>
      }
    />
  );
}

'use client';

import { usePeopleChoices } from '@/components/data-table/people-choices';
import { Download } from 'lucide-react';
import Link from 'next/link';
import {
  DataTable,
  type DataTableColumn,
  type DataTableParams,
} from '@/components/data-table/data-table';
import { DateFilter } from '@/components/data-table/date-filter';
import { SearchInput } from '@/components/data-table/search-input';
import { ClientFilter } from '@/components/data-table/client-filter';
import { SelectFilter } from '@/components/data-table/select-filter';
import { useExportQuery } from '@/components/data-table/use-export-query';
import { buttonClasses } from '@/components/ui/button';
import { budgetTotals, campaignStatuses, campaignStatusLabels } from '@/lib/campaigns';
import { formatDate, formatDateTime, formatMoney, type ViewerFormat } from '@/lib/format';
import { cn } from '@/lib/utils';
import type { CampaignListRow } from '@/server/campaigns/queries';
import type { PackedRows } from '@/lib/packed-rows';
import { CampaignBulkActions } from './campaign-bulk-actions';
import { CampaignStatusBadge } from './campaign-status-badge';

type Option = { id: string; name: string };

const totalsOf = (row: CampaignListRow) =>
  budgetTotals(row.plannedCents, row.committedCents, row.spentCents);

function columnsFor(viewer: ViewerFormat): DataTableColumn<CampaignListRow>[] {
  const money = (cents: number, row: CampaignListRow) =>
    formatMoney(cents, row.currency, viewer.locale);
  return [
    {
      accessorKey: 'name',
      header: 'Name',
      enableHiding: false,
      cell: ({ row }) => <Link href={`/campaigns/${row.original.id}`}>{row.original.name}</Link>,
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
      cell: ({ row }) => <CampaignStatusBadge status={row.original.status} />,
    },
    {
      id: 'owner',
      accessorKey: 'ownerName',
      header: 'Owner',
      cell: ({ row }) => row.original.ownerName ?? '—',
    },
    {
      id: 'coordinator',
      accessorKey: 'coordinatorName',
      header: 'Coordinator',
      enableSorting: false,
      cell: ({ row }) => row.original.coordinatorName ?? '—',
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
      id: 'planned',
      accessorKey: 'plannedCents',
      header: 'Planned',
      cell: ({ row }) => money(row.original.plannedCents, row.original),
    },
    {
      id: 'committed',
      accessorKey: 'committedCents',
      header: 'Committed',
      cell: ({ row }) => money(row.original.committedCents, row.original),
    },
    {
      id: 'spent',
      accessorKey: 'spentCents',
      header: 'Spent',
      cell: ({ row }) => money(row.original.spentCents, row.original),
    },
    {
      id: 'remaining',
      accessorFn: (row) => totalsOf(row).remainingCents,
      header: 'Remaining',
      cell: ({ row }) => {
        const totals = totalsOf(row.original);
        return (
          <span className={cn(totals.overBudget && 'font-medium text-red-700')}>
            {money(totals.remainingCents, row.original)}
          </span>
        );
      },
    },
    {
      id: 'percentUsed',
      header: '% used',
      enableSorting: false,
      cell: ({ row }) => {
        const { percentUsed } = totalsOf(row.original);
        return percentUsed === null ? '—' : `${percentUsed}%`;
      },
    },
    {
      accessorKey: 'updatedAt',
      header: 'Updated',
      enableHiding: false,
      cell: ({ row }) => formatDateTime(row.original.updatedAt, viewer),
    },
  ];
}

export function CampaignsTable({
  rows,
  total,
  totalIsCapped,
  params,
  viewer,
  listedAt,
  filtered,
  clientFilter,
}: {
  rows: PackedRows<CampaignListRow>;
  total: number;
  totalIsCapped: boolean;
  params: DataTableParams;
  viewer: ViewerFormat;
  /** When the server read these rows (ISO): bulk actions skip campaigns changed since. */
  listedAt: string;
  /** Whether a filter or search narrows the list (for the right empty state). */
  filtered: boolean;
  /** The client the list is filtered by, when one is set. */
  clientFilter: Option | null;
}) {
  const { users } = usePeopleChoices();
  const exportQuery = useExportQuery();
  return (
    <DataTable
      locale={viewer.locale}
      label="Campaigns"
      columns={columnsFor(viewer)}
      rows={rows}
      total={total}
      totalIsCapped={totalIsCapped}
      params={params}
      getRowId={(row) => row.id}
      getRowHref={(row) => `/campaigns/${row.id}`}
      bulk={{
        getVersion: (row) => row.version,
        getLabel: (row) => row.name,
        filter: Object.fromEntries(exportQuery),
        listedAt,
        noun: 'campaigns',
        actions: (context) => (
          <CampaignBulkActions
            context={context}
            users={users}
            exportQuery={exportQuery.toString()}
          />
        ),
      }}
      emptyState={
        filtered ? (
          <>
            No campaigns match these filters.{' '}
            <Link href="/campaigns" className="text-brand-700 hover:underline">
              Clear the filters
            </Link>
          </>
        ) : (
          <>
            No campaigns yet.{' '}
            <Link href="/campaigns/new" className="text-brand-700 hover:underline">
              Plan the first one
            </Link>
          </>
        )
      }
      toolbar={
        <>
          <SearchInput label="Search" placeholder="Campaign or client" />
          <SelectFilter
            param="status"
            label="Status"
            allLabel="Any status"
            options={campaignStatuses.map((status) => ({
              value: status,
              label: campaignStatusLabels[status],
            }))}
          />
          <SelectFilter
            param="owner"
            label="Owner"
            allLabel="Anyone"
            options={users.map((user) => ({ value: user.id, label: user.name }))}
          />
          <ClientFilter selected={clientFilter} />
          <DateFilter param="from" label="Running from" />
          <DateFilter param="to" label="Running to" />
          <SelectFilter
            param="over"
            label="Budget"
            allLabel="Any"
            options={[{ value: '1', label: 'Over budget' }]}
          />
        </>
      }
      actions={
        <a
          href={`/campaigns/export?${exportQuery}`}
          className={buttonClasses('secondary')}
          download
        >
          <Download aria-hidden className="size-4" />
          Export CSV
        </a>
      }
    />
  );
}

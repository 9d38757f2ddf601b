'use client';

import Link from 'next/link';
import { Icon } from '@/components/ui/icon';
import { useExportQuery } from '@/components/data-table/use-export-query';
import {
  DataTable,
  type DataTableColumn,
  type DataTableParams,
} from '@/components/data-table/data-table';
import { buttonClasses } from '@/components/ui/button';
import { weightedAmount } from '@/lib/deals';
import { formatDate, formatDateTime, formatMoney, type ViewerFormat } from '@/lib/format';
import type { PackedRows } from '@/lib/packed-rows';
import type { DealListRow } from '@/server/deals/queries';
import { DealBulkActions } from './deal-bulk-actions';
import { usePeopleChoices } from '@/components/data-table/people-choices';
import { DealStageBadge } from './deal-stage-badge';
import { PipelineFilters } from './pipeline-filters';

/**
 * What the table shows of a deal: the people's ids would travel to the browser for nothing, and
 * the weighted amount is worked out from the amount and probability as the server does.
 */
export type DealTableRow = Omit<DealListRow, 'ownerId' | 'coordinatorId' | 'weightedCents'>;

function columnsFor(viewer: ViewerFormat): DataTableColumn<DealTableRow>[] {
  return [
    {
      accessorKey: 'name',
      header: 'Name',
      enableHiding: false,
      cell: ({ row }) => <Link href={`/deals/${row.original.id}`}>{row.original.name}</Link>,
    },
    {
      id: 'client',
      accessorKey: 'clientName',
      header: 'Client',
      cell: ({ row }) => (
        <Link href={`/clients/${row.original.clientId}`}>{row.original.clientName}</Link>
      ),
    },
    {
      accessorKey: 'stage',
      header: 'Stage',
      cell: ({ row }) => <DealStageBadge stage={row.original.stage} />,
    },
    {
      id: 'amount',
      accessorKey: 'amountCents',
      header: 'Amount',
      cell: ({ row }) =>
        formatMoney(row.original.amountCents, row.original.currency, viewer.locale),
    },
    {
      accessorKey: 'probability',
      header: 'Probability',
      cell: ({ row }) => `${row.original.probability}%`,
    },
    {
      id: 'weighted',
      accessorFn: (row) => weightedAmount(row.amountCents, row.probability),
      header: 'Weighted',
      cell: ({ row }) =>
        formatMoney(
          weightedAmount(row.original.amountCents, row.original.probability),
          row.original.currency,
          viewer.locale,
        ),
    },
    {
      accessorKey: 'expectedClose',
      header: 'Expected close',
      cell: ({ row }) => formatDate(row.original.expectedClose, viewer),
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
      cell: ({ row }) => row.original.coordinatorName ?? '—',
    },
    {
      accessorKey: 'updatedAt',
      header: 'Updated',
      cell: ({ row }) => formatDateTime(row.original.updatedAt, viewer),
    },
  ];
}

export function DealsTable({
  rows,
  total,
  totalIsCapped,
  params,
  viewer,
  listedAt,
}: {
  rows: PackedRows<DealTableRow>;
  total: number;
  totalIsCapped: boolean;
  params: DataTableParams;
  viewer: ViewerFormat;
  /** When the server read these rows (ISO): bulk actions skip deals changed since. */
  listedAt: string;
}) {
  const { users } = usePeopleChoices();
  const exportQuery = useExportQuery();
  return (
    <DataTable
      locale={viewer.locale}
      label="Deals"
      columns={columnsFor(viewer)}
      rows={rows}
      total={total}
      totalIsCapped={totalIsCapped}
      params={params}
      getRowId={(row) => row.id}
      getRowHref={(row) => `/deals/${row.id}`}
      bulk={{
        getVersion: (row) => row.version,
        getLabel: (row) => row.name,
        filter: Object.fromEntries(exportQuery),
        listedAt,
        noun: 'deals',
        actions: (context) => (
          <DealBulkActions context={context} users={users} exportQuery={exportQuery.toString()} />
        ),
      }}
      emptyState="No deals match these filters."
      toolbar={<PipelineFilters users={users} stages />}
      actions={
        <a href={`/pipeline/export?${exportQuery}`} className={buttonClasses('secondary')} download>
          <Icon name="download" />
          Export CSV
        </a>
      }
    />
  );
}

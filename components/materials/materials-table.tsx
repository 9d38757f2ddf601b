'use client';

import { usePeopleChoices } from '@/components/data-table/people-choices';
import { Download } from 'lucide-react';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import {
  DataTable,
  type DataTableColumn,
  type DataTableParams,
} from '@/components/data-table/data-table';
import { SearchInput } from '@/components/data-table/search-input';
import { ClientFilter } from '@/components/data-table/client-filter';
import { SelectFilter } from '@/components/data-table/select-filter';
import { buttonClasses } from '@/components/ui/button';
import { formatDate, formatDateTime, type ViewerFormat } from '@/lib/format';
import {
  isMaterialOverdue,
  materialKindLabels,
  materialKinds,
  materialStatuses,
  materialStatusLabels,
} from '@/lib/materials';
import type { PackedRows } from '@/lib/packed-rows';
import type { MaterialListRow } from '@/server/materials/queries';
import { MaterialStatusBadge } from './material-badges';
import { MaterialBulkActions } from './material-bulk-actions';

type Option = { id: string; name: string };

function columnsFor(viewer: ViewerFormat, today: string): DataTableColumn<MaterialListRow>[] {
  return [
    {
      accessorKey: 'title',
      header: 'Title',
      enableHiding: false,
      cell: ({ row }) => (
        <Link
          href={`/materials/${row.original.id}`}
          className="block max-w-xs min-w-40 break-words whitespace-normal"
        >
          {row.original.title}
        </Link>
      ),
    },
    {
      accessorKey: 'kind',
      header: 'Kind',
      cell: ({ row }) => materialKindLabels[row.original.kind],
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
      cell: ({ row }) => <MaterialStatusBadge status={row.original.status} />,
    },
    {
      id: 'assignee',
      accessorKey: 'assigneeName',
      header: 'Assignee',
      cell: ({ row }) => row.original.assigneeName ?? 'Nobody yet',
    },
    {
      id: 'due',
      accessorKey: 'dueDate',
      header: 'Due',
      cell: ({ row }) =>
        isMaterialOverdue(row.original, today) ? (
          <span className="font-medium text-red-700">
            {formatDate(row.original.dueDate, viewer)} · overdue
          </span>
        ) : (
          formatDate(row.original.dueDate, viewer)
        ),
    },
    {
      id: 'tags',
      header: 'Tags',
      enableSorting: false,
      cell: ({ row }) => row.original.tags.join(', ') || '—',
    },
    {
      accessorKey: 'updatedAt',
      header: 'Updated',
      cell: ({ row }) => formatDateTime(row.original.updatedAt, viewer),
    },
  ];
}

export function MaterialsTable({
  rows,
  total,
  totalIsCapped,
  params,
  viewer,
  client,
  campaigns,
  today,
  listedAt,
}: {
  rows: PackedRows<MaterialListRow>;
  total: number;
  totalIsCapped: boolean;
  params: DataTableParams;
  viewer: ViewerFormat;
  /** The client the list is filtered by, when one is set. */
  client: Option | null;
  /** The campaign filter's choice, when one is set (the list links here from a campaign page). */
  campaigns: Option[];
  /** The viewer's calendar date, for "overdue". */
  today: string;
  /** When the server read these rows (ISO): bulk actions skip materials changed since. */
  listedAt: string;
}) {
  const { users } = usePeopleChoices();
  const searchParams = useSearchParams();
  const exportQuery = new URLSearchParams(searchParams.toString());
  exportQuery.delete('page');
  exportQuery.delete('size');
  exportQuery.delete('hide');
  return (
    <DataTable
      locale={viewer.locale}
      label="Materials"
      columns={columnsFor(viewer, today)}
      rows={rows}
      total={total}
      totalIsCapped={totalIsCapped}
      params={params}
      getRowId={(row) => row.id}
      getRowHref={(row) => `/materials/${row.id}`}
      bulk={{
        getVersion: (row) => row.version,
        getLabel: (row) => row.title,
        filter: Object.fromEntries(exportQuery),
        listedAt,
        noun: 'materials',
        actions: (context) => (
          <MaterialBulkActions
            context={context}
            users={users}
            exportQuery={exportQuery.toString()}
          />
        ),
      }}
      emptyState="No materials match these filters."
      toolbar={
        <>
          <SearchInput label="Search" placeholder="Title or client" />
          <SelectFilter
            param="status"
            label="Status"
            allLabel="Any status"
            options={materialStatuses.map((status) => ({
              value: status,
              label: materialStatusLabels[status],
            }))}
          />
          <SelectFilter
            param="kind"
            label="Kind"
            allLabel="Any kind"
            options={materialKinds.map((kind) => ({
              value: kind,
              label: materialKindLabels[kind],
            }))}
          />
          <SelectFilter
            param="assignee"
            label="Assignee"
            allLabel="Anyone"
            options={users.map((user) => ({ value: user.id, label: user.name }))}
          />
          <ClientFilter selected={client} />
          {campaigns.length > 0 ? (
            <SelectFilter
              param="campaign"
              label="Campaign"
              allLabel="Any campaign"
              options={campaigns.map((campaign) => ({ value: campaign.id, label: campaign.name }))}
            />
          ) : null}
          <SelectFilter
            param="due"
            label="Due"
            allLabel="Any time"
            options={[
              { value: 'overdue', label: 'Overdue' },
              { value: 'week', label: 'Due this week' },
            ]}
          />
        </>
      }
      actions={
        <a
          href={`/materials/export?${exportQuery}`}
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

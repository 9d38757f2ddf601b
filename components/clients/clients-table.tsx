'use client';

import Link from 'next/link';
import { Icon } from '@/components/ui/icon';
import { useExportQuery } from '@/components/data-table/use-export-query';
import {
  DataTable,
  type DataTableColumn,
  type DataTableParams,
} from '@/components/data-table/data-table';
import { SearchInput } from '@/components/data-table/search-input';
import { SelectFilter } from '@/components/data-table/select-filter';
import { buttonClasses } from '@/components/ui/button';
import {
  clientStatuses,
  clientStatusLabels,
  clientTierLabels,
  clientTiers,
  industries,
  type ClientStatus,
  type ClientTier,
} from '@/lib/clients';
import { formatDate, formatDateTime, formatMoney, type ViewerFormat } from '@/lib/format';
import type { PackedRows } from '@/lib/packed-rows';
import { ClientBulkActions } from './client-bulk-actions';
import { useClientFilterOptions } from './client-filter-options';
import { ClientStatusBadge } from './client-status-badge';

export type ClientTableRow = {
  id: string;
  name: string;
  status: ClientStatus;
  industry: string | null;
  tier: ClientTier;
  ownerName: string | null;
  coordinatorName: string | null;
  currency: string;
  annualValueCents: number;
  lastActivityAt: Date | null;
  updatedAt: Date;
  version: number;
  fitScore: number | null;
  source: string | null;
  nextStep: string | null;
  nextStepDate: string | null;
};

function columnsFor(viewer: ViewerFormat, prospects: boolean): DataTableColumn<ClientTableRow>[] {
  const name: DataTableColumn<ClientTableRow> = {
    accessorKey: 'name',
    header: 'Name',
    enableHiding: false,
    cell: ({ row }) => <Link href={`/clients/${row.original.id}`}>{row.original.name}</Link>,
  };
  const people: DataTableColumn<ClientTableRow>[] = [
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
  ];
  const industry: DataTableColumn<ClientTableRow> = {
    accessorKey: 'industry',
    header: 'Industry',
    cell: ({ row }) => row.original.industry ?? '—',
  };
  const lastActivity: DataTableColumn<ClientTableRow> = {
    accessorKey: 'lastActivityAt',
    header: 'Last activity',
    cell: ({ row }) =>
      row.original.lastActivityAt ? formatDateTime(row.original.lastActivityAt, viewer) : 'None',
  };
  if (prospects) {
    return [
      name,
      industry,
      {
        accessorKey: 'fitScore',
        header: 'Fit score',
        cell: ({ row }) => row.original.fitScore ?? '—',
      },
      {
        accessorKey: 'source',
        header: 'Source',
        enableSorting: false,
        cell: ({ row }) => row.original.source ?? '—',
      },
      {
        accessorKey: 'nextStep',
        header: 'Next step',
        enableSorting: false,
        cell: ({ row }) => row.original.nextStep ?? '—',
      },
      {
        accessorKey: 'nextStepDate',
        header: 'Next-step date',
        cell: ({ row }) => formatDate(row.original.nextStepDate, viewer),
      },
      ...people,
      lastActivity,
    ];
  }
  return [
    name,
    {
      accessorKey: 'status',
      header: 'Status',
      cell: ({ row }) => <ClientStatusBadge status={row.original.status} />,
    },
    industry,
    { accessorKey: 'tier', header: 'Tier', cell: ({ row }) => clientTierLabels[row.original.tier] },
    ...people,
    {
      id: 'annualValue',
      accessorKey: 'annualValueCents',
      header: 'Annual value',
      cell: ({ row }) =>
        formatMoney(row.original.annualValueCents, row.original.currency, viewer.locale),
    },
    lastActivity,
    {
      accessorKey: 'updatedAt',
      header: 'Updated',
      cell: ({ row }) => formatDateTime(row.original.updatedAt, viewer),
    },
  ];
}

export function ClientsTable({
  rows,
  total,
  totalIsCapped,
  params,
  viewer,
  prospects = false,
  listedAt,
  canReassign,
}: {
  rows: PackedRows<ClientTableRow>;
  total: number;
  totalIsCapped: boolean;
  params: DataTableParams;
  viewer: ViewerFormat;
  prospects?: boolean;
  /** When the server read these rows (ISO): bulk actions skip clients changed since. */
  listedAt: string;
  canReassign: boolean;
}) {
  const { users, tags } = useClientFilterOptions();
  const exportQuery = useExportQuery();
  if (prospects) exportQuery.set('status', 'prospect');
  const userOptions = users.map((user) => ({ value: user.id, label: user.name }));
  return (
    <DataTable
      locale={viewer.locale}
      label={prospects ? 'Prospects' : 'Clients'}
      columns={columnsFor(viewer, prospects)}
      rows={rows}
      total={total}
      totalIsCapped={totalIsCapped}
      params={params}
      getRowId={(row) => row.id}
      getRowHref={(row) => `/clients/${row.id}`}
      bulk={{
        getVersion: (row) => row.version,
        getLabel: (row) => row.name,
        filter: Object.fromEntries(exportQuery),
        listedAt,
        noun: prospects ? 'prospects' : 'clients',
        actions: (context) => (
          <ClientBulkActions
            context={context}
            users={users}
            canReassign={canReassign}
            exportQuery={exportQuery.toString()}
          />
        ),
      }}
      emptyState={
        prospects ? 'No prospects match these filters.' : 'No clients match these filters.'
      }
      toolbar={
        <>
          <SearchInput label="Search" placeholder="Name, website, contact" />
          {prospects ? null : (
            <SelectFilter
              param="status"
              label="Status"
              allLabel="Any status"
              options={clientStatuses.map((status) => ({
                value: status,
                label: clientStatusLabels[status],
              }))}
            />
          )}
          <SelectFilter param="owner" label="Owner" allLabel="Anyone" options={userOptions} />
          <SelectFilter
            param="coordinator"
            label="Coordinator"
            allLabel="Anyone"
            options={userOptions}
          />
          <SelectFilter
            param="industry"
            label="Industry"
            allLabel="Any industry"
            options={industries.map((industry) => ({ value: industry, label: industry }))}
          />
          {prospects ? null : (
            <SelectFilter
              param="tier"
              label="Tier"
              allLabel="Any tier"
              options={clientTiers.map((tier) => ({ value: tier, label: clientTierLabels[tier] }))}
            />
          )}
          {tags.length > 0 ? (
            <SelectFilter
              param="tag"
              label="Tag"
              allLabel="Any tag"
              options={tags.map((tag) => ({ value: tag.id, label: tag.name }))}
            />
          ) : null}
        </>
      }
      actions={
        <>
          <a
            href={`/clients/export?${exportQuery}`}
            className={buttonClasses('secondary')}
            download
          >
            <Icon name="download" />
            Export CSV
          </a>
          {prospects ? null : (
            <Link href="/clients/import" className={buttonClasses('secondary')}>
              <Icon name="upload" />
              Import
            </Link>
          )}
        </>
      }
    />
  );
}

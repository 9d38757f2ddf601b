'use client';

import Link from 'next/link';
import {
  DataTable,
  type DataTableColumn,
  type DataTableParams,
} from '@/components/data-table/data-table';
import { SearchInput } from '@/components/data-table/search-input';
import { SelectFilter } from '@/components/data-table/select-filter';
import { formatDateTime, type ViewerFormat } from '@/lib/format';
import { templateStatuses, templateStatusLabels, type TemplateStatus } from '@/lib/templates';
import type { PackedRows } from '@/lib/packed-rows';
import { TemplateStatusBadge } from './template-status-badge';

export type TemplateTableRow = {
  id: string;
  name: string;
  category: string | null;
  status: TemplateStatus;
  publishedVersion: number | null;
  authorName: string | null;
  updatedAt: Date;
};

function columnsFor(viewer: ViewerFormat): DataTableColumn<TemplateTableRow>[] {
  return [
    {
      accessorKey: 'name',
      header: 'Name',
      enableHiding: false,
      cell: ({ row }) => <Link href={`/templates/${row.original.id}`}>{row.original.name}</Link>,
    },
    {
      accessorKey: 'category',
      header: 'Category',
      cell: ({ row }) => row.original.category ?? '—',
    },
    {
      accessorKey: 'status',
      header: 'Status',
      cell: ({ row }) => <TemplateStatusBadge status={row.original.status} />,
    },
    {
      accessorKey: 'publishedVersion',
      header: 'Published version',
      enableSorting: false,
      cell: ({ row }) =>
        row.original.publishedVersion ? `Version ${row.original.publishedVersion}` : '—',
    },
    {
      id: 'author',
      accessorKey: 'authorName',
      header: 'Author',
      enableSorting: false,
      cell: ({ row }) => row.original.authorName ?? '—',
    },
    {
      accessorKey: 'updatedAt',
      header: 'Updated',
      cell: ({ row }) => formatDateTime(row.original.updatedAt, viewer),
    },
  ];
}

export function TemplatesTable({
  rows,
  total,
  totalIsCapped,
  params,
  viewer,
}: {
  rows: PackedRows<TemplateTableRow>;
  total: number;
  totalIsCapped: boolean;
  params: DataTableParams;
  viewer: ViewerFormat;
}) {
  return (
    <DataTable
      locale={viewer.locale}
      label="Proposal templates"
      columns={columnsFor(viewer)}
      rows={rows}
      total={total}
      totalIsCapped={totalIsCapped}
      params={params}
      getRowId={(row) => row.id}
      getRowHref={(row) => `/templates/${row.id}`}
      emptyState="No templates match these filters."
      toolbar={
        <>
          <SearchInput label="Search" placeholder="Template name" />
          <SelectFilter
            param="status"
            label="Status"
            allLabel="Any status"
            options={templateStatuses.map((status) => ({
              value: status,
              label: templateStatusLabels[status],
            }))}
          />
        </>
      }
    />
  );
}

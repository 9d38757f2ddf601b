'use client';

import {
  DataTable,
  type DataTableColumn,
  type DataTableParams,
} from '@/components/data-table/data-table';
import { DateFilter } from '@/components/data-table/date-filter';
import { SelectFilter } from '@/components/data-table/select-filter';
import { auditActionLabel, auditActionLabels } from '@/lib/audit-actions';
import { formatDateTime, type ViewerFormat } from '@/lib/format';
import type { PackedRows } from '@/lib/packed-rows';

export type AuditListRow = {
  id: number;
  createdAt: Date;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  targetName: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  forwardedFor: string | null;
};

/** "role: coordinator → executive" from before/after snapshots, as plain text. */
function describeChange(before: unknown, after: unknown) {
  const from = (before ?? {}) as Record<string, unknown>;
  const to = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])];
  return keys
    .map((key) =>
      key in from
        ? `${key}: ${String(from[key])} → ${String(to[key] ?? '—')}`
        : `${key}: ${String(to[key])}`,
    )
    .join('; ');
}

function columnsFor(viewer: ViewerFormat): DataTableColumn<AuditListRow>[] {
  return [
    {
      accessorKey: 'createdAt',
      header: 'Time',
      enableHiding: false,
      cell: ({ row }) => (
        <time dateTime={row.original.createdAt.toISOString()}>
          {formatDateTime(row.original.createdAt, viewer)}
        </time>
      ),
    },
    {
      accessorKey: 'actorName',
      header: 'Actor',
      enableSorting: false,
      cell: ({ row }) => row.original.actorName ?? 'System',
    },
    {
      accessorKey: 'action',
      header: 'Action',
      enableSorting: false,
      cell: ({ row }) => auditActionLabel(row.original.action),
    },
    {
      accessorKey: 'entityType',
      header: 'Target',
      enableSorting: false,
      cell: ({ row }) =>
        row.original.targetName ??
        `${row.original.entityType}${row.original.entityId ? ` ${row.original.entityId.slice(0, 8)}` : ''}`,
    },
    {
      id: 'change',
      header: 'Change',
      enableSorting: false,
      cell: ({ row }) => (
        <span
          className="block max-w-xs truncate"
          title={describeChange(row.original.before, row.original.after)}
        >
          {describeChange(row.original.before, row.original.after) || '—'}
        </span>
      ),
    },
    {
      accessorKey: 'ip',
      header: 'IP',
      enableSorting: false,
      cell: ({ row }) => row.original.ip ?? '—',
    },
    {
      // Whatever the request's X-Forwarded-For said beyond the trusted address: a claim only.
      accessorKey: 'forwardedFor',
      header: 'Forwarded for (claimed)',
      enableSorting: false,
      cell: ({ row }) => row.original.forwardedFor ?? '—',
    },
  ];
}

export function AuditTable({
  rows,
  total,
  totalIsCapped,
  params,
  viewer,
  actors,
}: {
  rows: PackedRows<AuditListRow>;
  total: number;
  totalIsCapped: boolean;
  params: DataTableParams;
  viewer: ViewerFormat;
  actors: { id: string; name: string }[];
}) {
  return (
    <DataTable
      locale={viewer.locale}
      label="Audit log"
      columns={columnsFor(viewer)}
      rows={rows}
      total={total}
      totalIsCapped={totalIsCapped}
      params={params}
      getRowId={(row) => String(row.id)}
      emptyState="Nothing was recorded for these filters."
      toolbar={
        <>
          <SelectFilter
            param="actor"
            label="Actor"
            allLabel="Everyone"
            options={actors.map((actor) => ({ value: actor.id, label: actor.name }))}
          />
          <SelectFilter
            param="action"
            label="Action"
            allLabel="All actions"
            options={Object.entries(auditActionLabels).map(([value, label]) => ({ value, label }))}
          />
          <DateFilter param="from" label="From" />
          <DateFilter param="to" label="To" />
        </>
      }
    />
  );
}

'use client';

import { usePeopleChoices } from '@/components/data-table/people-choices';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import {
  DataTable,
  type DataTableColumn,
  type DataTableParams,
} from '@/components/data-table/data-table';
import { SearchInput } from '@/components/data-table/search-input';
import { SelectFilter } from '@/components/data-table/select-filter';
import { Badge } from '@/components/ui/card';
import { formatDateTime, type ViewerFormat } from '@/lib/format';
import { taskLinkHref, taskLinkKindLabels, taskStatuses, taskStatusLabels } from '@/lib/tasks';
import type { TaskListRow } from '@/server/tasks/queries';
import type { PackedRows } from '@/lib/packed-rows';
import { TaskBulkActions } from './task-bulk-actions';
import { TaskStatusButton } from './task-status-button';

function columnsFor(viewer: ViewerFormat, now: Date): DataTableColumn<TaskListRow>[] {
  return [
    {
      accessorKey: 'title',
      header: 'Task',
      enableHiding: false,
      // Titles and accounts wrap (list cells do not by default), so the row's Done button stays in view.
      cell: ({ row }) => (
        <span className="block max-w-xs min-w-40 font-medium break-words whitespace-normal text-slate-900">
          {row.original.title}
        </span>
      ),
    },
    {
      id: 'due',
      accessorKey: 'dueAt',
      header: 'Due',
      cell: ({ row }) => {
        const { dueAt, status } = row.original;
        const overdue = status === 'open' && dueAt && dueAt.getTime() < now.getTime();
        return (
          <span className={overdue ? 'font-medium text-red-700' : undefined}>
            {formatDateTime(dueAt, viewer)}
            {overdue ? ' · overdue' : ''}
          </span>
        );
      },
    },
    {
      id: 'assignee',
      accessorKey: 'assigneeName',
      header: 'Assignee',
      cell: ({ row }) => row.original.assigneeName ?? '—',
    },
    {
      accessorKey: 'status',
      header: 'Status',
      cell: ({ row }) => (
        <Badge tone={row.original.status === 'done' ? 'green' : 'blue'}>
          {taskStatusLabels[row.original.status]}
        </Badge>
      ),
    },
    {
      id: 'link',
      header: 'About',
      enableSorting: false,
      cell: ({ row }) => {
        const { linkKind, linkId, clientName } = row.original;
        if (!linkKind || !linkId) return '—';
        return (
          <Link
            href={taskLinkHref(linkKind, linkId)}
            className="block max-w-56 min-w-32 break-words whitespace-normal text-brand-700 hover:underline"
          >
            {taskLinkKindLabels[linkKind]}
            {clientName ? ` · ${clientName}` : ''}
          </Link>
        );
      },
    },
    {
      id: 'actions',
      header: 'Actions',
      enableSorting: false,
      enableHiding: false,
      cell: ({ row }) =>
        row.original.mayManage ? (
          <TaskStatusButton
            key={row.original.version}
            id={row.original.id}
            version={row.original.version}
            status={row.original.status}
            title={row.original.title}
          />
        ) : null,
    },
  ];
}

export function TasksTable({
  rows,
  total,
  totalIsCapped,
  params,
  viewer,
  listedAt,
}: {
  rows: PackedRows<TaskListRow>;
  total: number;
  totalIsCapped: boolean;
  params: DataTableParams;
  viewer: ViewerFormat;
  /** When the server read these rows (ISO): bulk actions skip tasks changed since. */
  listedAt: string;
}) {
  const { users } = usePeopleChoices();
  const searchParams = useSearchParams();
  const filter = Object.fromEntries(searchParams);
  delete filter.page;
  delete filter.size;
  delete filter.hide;
  return (
    <DataTable
      locale={viewer.locale}
      label="Tasks"
      columns={columnsFor(viewer, new Date(listedAt))}
      rows={rows}
      total={total}
      totalIsCapped={totalIsCapped}
      params={params}
      getRowId={(row) => row.id}
      bulk={{
        getVersion: (row) => row.version,
        getLabel: (row) => row.title,
        filter,
        listedAt,
        noun: 'tasks',
        actions: (context) => <TaskBulkActions context={context} users={users} />,
      }}
      emptyState="No tasks match these filters."
      toolbar={
        <>
          <SearchInput label="Search" placeholder="Title" />
          <SelectFilter
            param="status"
            label="Status"
            allLabel="Any status"
            options={taskStatuses.map((status) => ({
              value: status,
              label: taskStatusLabels[status],
            }))}
          />
          <SelectFilter
            param="assignee"
            label="Assignee"
            allLabel="Anyone"
            options={users.map((user) => ({ value: user.id, label: user.name }))}
          />
          <SelectFilter
            param="overdue"
            label="Due"
            allLabel="Any time"
            options={[{ value: '1', label: 'Overdue' }]}
          />
        </>
      }
    />
  );
}

'use client';

import { usePeopleChoices } from '@/components/data-table/people-choices';
import Link from 'next/link';
import {
  DataTable,
  type DataTableColumn,
  type DataTableParams,
} from '@/components/data-table/data-table';
import { SearchInput } from '@/components/data-table/search-input';
import { ClientFilter } from '@/components/data-table/client-filter';
import { SelectFilter } from '@/components/data-table/select-filter';
import {
  feedbackSentimentLabels,
  feedbackSentiments,
  feedbackStatuses,
  feedbackStatusLabels,
} from '@/lib/feedback';
import { formatDateTime, type ViewerFormat } from '@/lib/format';
import type { FeedbackListRow } from '@/server/feedback/queries';
import type { PackedRows } from '@/lib/packed-rows';
import { FeedbackDue, FeedbackStatusBadge, SentimentBadge } from './feedback-badges';

function columnsFor(viewer: ViewerFormat, now: Date): DataTableColumn<FeedbackListRow>[] {
  return [
    {
      id: 'client',
      accessorKey: 'clientName',
      header: 'Client',
      enableHiding: false,
      cell: ({ row }) => (
        <Link href={`/feedback/${row.original.id}`}>{row.original.clientName}</Link>
      ),
    },
    {
      accessorKey: 'sentiment',
      header: 'Sentiment',
      cell: ({ row }) => <SentimentBadge sentiment={row.original.sentiment} />,
    },
    {
      accessorKey: 'status',
      header: 'Status',
      cell: ({ row }) => <FeedbackStatusBadge status={row.original.status} />,
    },
    {
      id: 'category',
      accessorKey: 'category',
      header: 'Category',
      enableSorting: false,
      cell: ({ row }) => row.original.category ?? '—',
    },
    {
      id: 'routedTo',
      accessorKey: 'routedToName',
      header: 'Routed to',
      cell: ({ row }) => row.original.routedToName ?? 'Not routed',
    },
    {
      id: 'due',
      accessorKey: 'nextDueAt',
      header: 'Due',
      cell: ({ row }) => <FeedbackDue dueAt={row.original.nextDueAt} viewer={viewer} now={now} />,
    },
    {
      accessorKey: 'createdAt',
      header: 'Logged',
      cell: ({ row }) => formatDateTime(row.original.createdAt, viewer),
    },
  ];
}

export function FeedbackTable({
  rows,
  total,
  totalIsCapped,
  params,
  viewer,
  listedAt,
  client,
}: {
  rows: PackedRows<FeedbackListRow>;
  total: number;
  totalIsCapped: boolean;
  params: DataTableParams;
  viewer: ViewerFormat;
  /** When the server read these rows (ISO): "overdue" was judged then. */
  listedAt: string;
  /** The client the list is filtered by, when one is set. */
  client: { id: string; name: string } | null;
}) {
  const { users } = usePeopleChoices();
  return (
    <DataTable
      locale={viewer.locale}
      label="Feedback"
      columns={columnsFor(viewer, new Date(listedAt))}
      rows={rows}
      total={total}
      totalIsCapped={totalIsCapped}
      params={params}
      getRowId={(row) => row.id}
      getRowHref={(row) => `/feedback/${row.id}`}
      emptyState="No feedback matches these filters."
      toolbar={
        <>
          <SearchInput label="Search" placeholder="Client or category" />
          <ClientFilter selected={client} />
          <SelectFilter
            param="status"
            label="Status"
            allLabel="Any status"
            options={feedbackStatuses.map((status) => ({
              value: status,
              label: feedbackStatusLabels[status],
            }))}
          />
          <SelectFilter
            param="sentiment"
            label="Sentiment"
            allLabel="Any sentiment"
            options={feedbackSentiments.map((sentiment) => ({
              value: sentiment,
              label: feedbackSentimentLabels[sentiment],
            }))}
          />
          <SelectFilter
            param="routedTo"
            label="Routed to"
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

import Link from 'next/link';
import { Badge } from '@/components/ui/card';
import { formatDateTime, formatDuration, formatMoney, type ViewerFormat } from '@/lib/format';
import type { ReviewQueueRow } from '@/server/proposals/queries';

/** Proposals waiting for the viewer's decision, oldest due first. */
export function ReviewQueue({
  rows,
  viewer,
  now,
}: {
  rows: ReviewQueueRow[];
  viewer: ViewerFormat;
  now: Date;
}) {
  if (rows.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-600">
        Nothing is waiting for your review.
      </p>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Proposals waiting for review, oldest due first</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-3 py-2">
              Proposal
            </th>
            <th scope="col" className="px-3 py-2">
              Client
            </th>
            <th scope="col" className="px-3 py-2">
              Author
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              Amount
            </th>
            <th scope="col" className="px-3 py-2">
              Waiting
            </th>
            <th scope="col" className="px-3 py-2">
              Due
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => {
            const overdue = row.reviewDueAt !== null && row.reviewDueAt < now;
            return (
              <tr key={row.id}>
                <td className="px-3 py-2">
                  <Link
                    href={`/proposals/${row.id}`}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {row.title}
                  </Link>
                  {row.escalatedAt ? (
                    <span className="ml-2">
                      <Badge tone="amber">Escalated</Badge>
                    </span>
                  ) : null}
                </td>
                <td className="px-3 py-2">{row.clientName}</td>
                <td className="px-3 py-2">{row.authorName ?? '—'}</td>
                <td className="px-3 py-2 text-right tabular-nums">
                  {formatMoney(row.amountCents, row.currency, viewer.locale)}
                </td>
                <td className="px-3 py-2">
                  {row.submittedAt
                    ? formatDuration(now.getTime() - row.submittedAt.getTime())
                    : '—'}
                </td>
                <td className="px-3 py-2">
                  {formatDateTime(row.reviewDueAt, viewer)}
                  {overdue ? (
                    <span className="ml-2">
                      <Badge tone="red">Overdue</Badge>
                    </span>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

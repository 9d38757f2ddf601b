import Link from 'next/link';
import { formatDateTime, type ViewerFormat } from '@/lib/format';

/**
 * Says when the list is narrowed to deals closed in a period (a report's drill-down has no filter
 * control of its own), with a link that drops just that period.
 */
export function ClosedRangeNotice({
  searchParams,
  viewer,
}: {
  searchParams: Record<string, string>;
  viewer: ViewerFormat;
}) {
  const { closedFrom, closedTo, ...rest } = searchParams;
  if (!closedFrom && !closedTo) return null;
  const without = new URLSearchParams(rest).toString();
  return (
    <p className="mb-4 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">
      Deals closed from {closedFrom ? formatDateTime(closedFrom, viewer) : 'the start'} until{' '}
      {closedTo ? formatDateTime(closedTo, viewer) : 'now'}.{' '}
      <Link href={`/pipeline${without ? `?${without}` : ''}`} className="text-brand-700 underline">
        Show all closing dates
      </Link>
    </p>
  );
}

import { ChevronLeft, ChevronRight } from 'lucide-react';
import type { ReactNode } from 'react';
import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';
import { formatCount } from '@/lib/format';

/** Previous and next links under a server-rendered list that is read a page at a time. */
export function Pager({
  page,
  pageSize,
  total,
  noun,
  hrefFor,
  locale,
}: {
  page: number;
  pageSize: number;
  total: number;
  noun: string;
  hrefFor: (page: number) => string;
  locale: string;
}) {
  if (total <= pageSize && page === 1) return null;
  const first = Math.min((page - 1) * pageSize + 1, total);
  const last = Math.min(page * pageSize, total);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const step = (target: number, label: string, icon: ReactNode, enabled: boolean) =>
    enabled ? (
      <Link href={hrefFor(target)} aria-label={label} className={buttonClasses('secondary')}>
        {icon}
      </Link>
    ) : (
      <span aria-disabled className={`${buttonClasses('secondary')} opacity-50`}>
        {icon}
        <span className="sr-only">{label}</span>
      </span>
    );
  return (
    <nav
      aria-label="Pages"
      className="mt-6 flex flex-wrap items-center justify-between gap-3 text-sm text-slate-700"
    >
      <p>
        {`Showing ${formatCount(first, locale)}–${formatCount(last, locale)} of ${formatCount(total, locale)} ${noun}`}
      </p>
      <div className="flex items-center gap-3">
        <span>
          Page {formatCount(page, locale)} of {formatCount(pageCount, locale)}
        </span>
        {step(page - 1, 'Previous page', <ChevronLeft aria-hidden className="size-4" />, page > 1)}
        {step(
          page + 1,
          'Next page',
          <ChevronRight aria-hidden className="size-4" />,
          page < pageCount,
        )}
      </div>
    </nav>
  );
}

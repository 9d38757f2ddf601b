'use client';

import { useId } from 'react';
import { Button } from '@/components/ui/button';
import { Icon } from '@/components/ui/icon';
import { formatCount } from '@/lib/format';
import { pageSizes } from '@/lib/validation/list-params';

type PaginationProps = {
  page: number;
  size: number;
  total: number;
  totalIsCapped: boolean;
  locale: string;
  onChange: (page: number, size: number) => void;
};

export function DataTablePagination({
  page,
  size,
  total,
  totalIsCapped,
  locale,
  onChange,
}: PaginationProps) {
  const sizeId = useId();
  const first = total === 0 ? 0 : (page - 1) * size + 1;
  const last = Math.min(page * size, total);
  const pageCount = Math.max(1, Math.ceil(total / size));
  const hasNext = totalIsCapped ? last < total || page * size <= total : page < pageCount;
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-700">
      <p aria-live="polite">
        {total === 0
          ? 'No results'
          : `Showing ${formatCount(first, locale)}–${formatCount(last, locale)} of ${formatCount(total, locale)}${totalIsCapped ? '+' : ''}`}
      </p>
      <div className="flex items-center gap-3">
        <label htmlFor={sizeId} className="text-slate-600">
          Rows per page
        </label>
        <select
          id={sizeId}
          value={size}
          onChange={(event) => onChange(1, Number(event.target.value))}
          className="rounded-md border border-slate-300 bg-white px-2 py-1"
        >
          {pageSizes.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
        <span>
          Page {formatCount(page, locale)}
          {totalIsCapped ? '' : ` of ${formatCount(pageCount, locale)}`}
        </span>
        <Button
          variant="secondary"
          aria-label="Previous page"
          disabled={page <= 1}
          onClick={() => onChange(page - 1, size)}
        >
          <Icon name="previous" />
        </Button>
        <Button
          variant="secondary"
          aria-label="Next page"
          disabled={!hasNext}
          onClick={() => onChange(page + 1, size)}
        >
          <Icon name="next" />
        </Button>
      </div>
    </div>
  );
}

'use client';

import { useSearchParams } from 'next/navigation';
import { useId, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Icon } from '@/components/ui/icon';
import { cn } from '@/lib/utils';
import { listStateParams } from '@/lib/validation/list-params';

/**
 * A list's filters. On a narrow screen they fold behind a "Filters" button that counts those set,
 * so the rows are on the first screen; from `sm` up they are always shown. Put it in a wrapping
 * flex row: open, the filters take a row of their own below the row's other items.
 */
export function FoldingFilters({ children }: { children: ReactNode }) {
  const searchParams = useSearchParams();
  const [open, setOpen] = useState(false);
  const id = useId();
  const set = new Set(
    [...searchParams.entries()]
      .filter(([key, value]) => value && !listStateParams.has(key))
      .map(([key]) => key),
  ).size;
  return (
    <>
      <Button
        variant="secondary"
        className="sm:hidden"
        aria-expanded={open}
        aria-controls={id}
        aria-label={set ? `Filters, ${set} set` : 'Filters'}
        onClick={() => setOpen((value) => !value)}
      >
        <Icon name="filters" />
        Filters
        {set ? (
          <span className="min-w-5 rounded-full bg-brand-600 px-1.5 text-xs leading-5 font-semibold text-white">
            {set}
          </span>
        ) : null}
      </Button>
      <div
        id={id}
        className={cn(
          'order-last w-full flex-wrap items-end gap-3 sm:order-none sm:flex sm:w-auto',
          open ? 'flex' : 'hidden',
        )}
      >
        {children}
      </div>
    </>
  );
}

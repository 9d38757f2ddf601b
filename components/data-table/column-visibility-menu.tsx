'use client';

import type { ReactTable, RowData } from '@tanstack/react-table';
import { Columns3 } from 'lucide-react';
import { buttonClasses } from '@/components/ui/button';
import type { dataTableFeatures } from './data-table';

/** Show or hide columns; a native <details> keeps it keyboard-accessible without extra code. */
export function ColumnVisibilityMenu<TData extends RowData>({
  table,
}: {
  table: ReactTable<typeof dataTableFeatures, TData>;
}) {
  const hideable = table.getAllLeafColumns().filter((column) => column.getCanHide());
  if (hideable.length === 0) return null;
  return (
    <details className="relative">
      <summary className={buttonClasses('secondary', 'cursor-pointer list-none')}>
        <Columns3 aria-hidden className="size-4" />
        Columns
      </summary>
      <fieldset className="absolute right-0 z-20 mt-1 w-52 space-y-1 rounded-md border border-slate-200 bg-white p-2 shadow-lg">
        <legend className="sr-only">Visible columns</legend>
        {hideable.map((column) => (
          <label
            key={column.id}
            className="flex items-center gap-2 rounded px-2 py-1 text-sm hover:bg-slate-50"
          >
            <input
              type="checkbox"
              checked={column.getIsVisible()}
              onChange={(event) => column.toggleVisibility(event.target.checked)}
            />
            {typeof column.columnDef.header === 'string' ? column.columnDef.header : column.id}
          </label>
        ))}
      </fieldset>
    </details>
  );
}

'use client';

import type { ReactTable, RowData } from '@tanstack/react-table';
import { buttonClasses } from '@/components/ui/button';
import { Icon } from '@/components/ui/icon';
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import type { dataTableFeatures } from './data-table';

/** Show or hide columns: a menu of ticks that stays open while several are changed. */
export function ColumnVisibilityMenu<TData extends RowData>({
  table,
}: {
  table: ReactTable<typeof dataTableFeatures, TData>;
}) {
  const hideable = table.getAllLeafColumns().filter((column) => column.getCanHide());
  if (hideable.length === 0) return null;
  return (
    <DropdownMenu>
      <DropdownMenuTrigger className={buttonClasses('secondary')}>
        <Icon name="columns" />
        Columns
      </DropdownMenuTrigger>
      <DropdownMenuContent aria-label="Visible columns" className="w-52">
        {hideable.map((column) => (
          <DropdownMenuCheckboxItem
            key={column.id}
            checked={column.getIsVisible()}
            onCheckedChange={(checked) => column.toggleVisibility(checked)}
            onSelect={(event) => event.preventDefault()}
          >
            {typeof column.columnDef.header === 'string' ? column.columnDef.header : column.id}
          </DropdownMenuCheckboxItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

'use client';

import {
  columnVisibilityFeature,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type PaginationState,
  type Row,
  type RowData,
  type SortingState,
  type Updater,
  type ColumnVisibilityState,
} from '@tanstack/react-table';
import { useRouter } from 'next/navigation';
import { useMemo, useState, type ReactNode } from 'react';
import { unpackRows, type PackedRows } from '@/lib/packed-rows';
import { cn } from '@/lib/utils';
import { BulkActionBar, type DataTableBulk } from './bulk-action-bar';
import { ColumnVisibilityMenu } from './column-visibility-menu';
import { DataTablePagination } from './data-table-pagination';
import { FoldingFilters } from './folding-filters';
import { useBulkSelection } from './use-bulk-selection';
import { useUrlState } from './use-url-state';

export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  columnVisibilityFeature,
});

/**
 * A column of a list (no column groups). Its cell is given the row alone and called as a plain
 * function, so it uses no hooks (render a component for that): rendering through TanStack's
 * per-cell objects (each memoised) cost more than twice the rest of the table on the server.
 */
export type DataTableColumn<TData extends RowData> = WithoutCell<
  ColumnDef<typeof dataTableFeatures, TData>
> & {
  cell: (context: { row: Row<typeof dataTableFeatures, TData> }) => ReactNode;
};

// ColumnDef is a union (accessor, display and group columns); this keeps it one.
type WithoutCell<TColumn> = TColumn extends unknown ? Omit<TColumn, 'cell'> : never;

export type DataTableParams = { page: number; size: number; sort: string; dir: 'asc' | 'desc' };

type DataTableProps<TData extends RowData> = {
  /** Names the table for screen readers, e.g. "Users". */
  label: string;
  columns: DataTableColumn<TData>[];
  /** The page of rows, packed on the server (lib/packed-rows.ts). */
  rows: PackedRows<TData>;
  total: number;
  /** The total was capped because counting exactly would cost more than the page. */
  totalIsCapped?: boolean;
  params: DataTableParams;
  getRowId: (row: TData) => string;
  /** Where a row leads; its first cell links there and the whole row is clickable. */
  getRowHref?: (row: TData) => string;
  emptyState: ReactNode;
  toolbar?: ReactNode;
  /** Buttons beside the column menu, e.g. "Export CSV". */
  actions?: ReactNode;
  /** The viewer's locale, for the row counts. */
  locale: string;
  /** Row checkboxes and the bulk action bar; without it the table has neither. */
  bulk?: DataTableBulk<TData>;
};

const noVersion = () => 0;

function resolve<T>(updater: Updater<T>, current: T): T {
  return typeof updater === 'function' ? (updater as (old: T) => T)(current) : updater;
}

/**
 * The one list component: TanStack Table in manual mode. The server has already sorted, filtered
 * and paged `rows`; every change here is a URL change that the server page answers.
 */
export function DataTable<TData extends RowData>({
  label,
  columns,
  rows: packedRows,
  total,
  totalIsCapped = false,
  params,
  getRowId,
  getRowHref,
  emptyState,
  toolbar,
  actions,
  locale,
  bulk,
}: DataTableProps<TData>) {
  const router = useRouter();
  // Kept per payload: the selection belongs to the rows it was made on.
  const rows = useMemo(() => unpackRows(packedRows), [packedRows]);
  const selection = useBulkSelection(rows, getRowId, bulk?.getVersion ?? noVersion);
  const [bulkReport, setBulkReport] = useState('');
  const { searchParams, update, isPending } = useUrlState();
  const hidden = searchParams.get('hide');

  const sorting: SortingState = useMemo(
    () => [{ id: params.sort, desc: params.dir === 'desc' }],
    [params.sort, params.dir],
  );
  const pagination: PaginationState = useMemo(
    () => ({ pageIndex: params.page - 1, pageSize: params.size }),
    [params.page, params.size],
  );
  const columnVisibility: ColumnVisibilityState = useMemo(
    () => Object.fromEntries((hidden?.split(',') ?? []).filter(Boolean).map((id) => [id, false])),
    [hidden],
  );

  const table = useTable({
    features: dataTableFeatures,
    columns,
    data: rows,
    getRowId: (row) => getRowId(row),
    manualSorting: true,
    manualPagination: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    rowCount: total,
    state: { sorting, pagination, columnVisibility },
    onSortingChange: (updater) => {
      const [next] = resolve(updater, sorting);
      if (next) update({ sort: next.id, dir: next.desc ? 'desc' : 'asc' });
    },
    onPaginationChange: (updater) => {
      const next = resolve(updater, pagination);
      update({ page: next.pageIndex + 1, size: next.pageSize });
    },
    onColumnVisibilityChange: (updater) => {
      const next = resolve(updater, columnVisibility);
      const hiddenIds = Object.entries(next)
        .filter(([, visible]) => !visible)
        .map(([id]) => id);
      update({ hide: hiddenIds.join(','), page: params.page });
    },
  });

  const visibleRows = table.getRowModel().rows;
  const visibleColumns = table.getVisibleLeafColumns();
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        {toolbar ? <FoldingFilters>{toolbar}</FoldingFilters> : null}
        <div className="flex items-center gap-2">
          {actions}
          <ColumnVisibilityMenu table={table} />
        </div>
      </div>
      {bulk ? (
        <>
          <p role="status" className="text-sm font-medium text-slate-800 empty:hidden">
            {bulkReport}
          </p>
          <BulkActionBar
            bulk={bulk}
            state={selection}
            total={total}
            totalIsCapped={totalIsCapped}
            pageRowCount={rows.length}
            locale={locale}
            onReport={setBulkReport}
          />
        </>
      ) : null}
      <div
        className={cn(
          'overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm',
          isPending && 'opacity-60',
        )}
        aria-busy={isPending}
      >
        <table
          className="data-table min-w-full divide-y divide-slate-200 text-sm"
          aria-label={label}
        >
          <thead className="bg-slate-50">
            {table.getHeaderGroups().map((headerGroup) => (
              <tr key={headerGroup.id}>
                {bulk ? (
                  <th scope="col" data-row-select="">
                    <input
                      type="checkbox"
                      aria-label="Select this page"
                      checked={selection.pageSelected}
                      ref={(box) => {
                        if (box)
                          box.indeterminate = selection.someSelected && !selection.pageSelected;
                      }}
                      onChange={selection.togglePage}
                      disabled={rows.length === 0}
                    />
                  </th>
                ) : null}
                {headerGroup.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={
                        sorted === 'asc'
                          ? 'ascending'
                          : sorted === 'desc'
                            ? 'descending'
                            : undefined
                      }
                    >
                      {header.isPlaceholder ? null : header.column.getCanSort() ? (
                        <button type="button" onClick={header.column.getToggleSortingHandler()}>
                          <table.FlexRender header={header} />
                          <span aria-hidden className="sort-arrow" />
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-slate-100">
            {visibleRows.length === 0 ? (
              <tr>
                <td
                  colSpan={visibleColumns.length + (bulk ? 1 : 0)}
                  className="px-4 py-12 text-center text-slate-600"
                >
                  {emptyState}
                </td>
              </tr>
            ) : (
              visibleRows.map((row) => {
                const href = getRowHref?.(row.original);
                return (
                  <tr
                    key={row.id}
                    onClick={(event) => {
                      const target = event.target as HTMLElement;
                      if (!href || target.closest('a,button,input,select,[data-row-select]'))
                        return;
                      router.push(href);
                    }}
                    data-clickable={href ? '' : undefined}
                  >
                    {bulk ? (
                      <td data-row-select="">
                        <input
                          type="checkbox"
                          aria-label={`Select ${bulk.getLabel(row.original)}`}
                          checked={selection.allMatching || selection.isSelected(row.id)}
                          disabled={selection.allMatching}
                          onChange={() => selection.toggle(row.original)}
                        />
                      </td>
                    ) : null}
                    {visibleColumns.map((column) => (
                      <td key={column.id}>
                        {(column.columnDef as DataTableColumn<TData>).cell({ row })}
                      </td>
                    ))}
                  </tr>
                );
              })
            )}
          </tbody>
        </table>
      </div>
      <DataTablePagination
        page={params.page}
        size={params.size}
        total={total}
        totalIsCapped={totalIsCapped}
        locale={locale}
        onChange={(page, size) => update({ page, size })}
      />
    </div>
  );
}

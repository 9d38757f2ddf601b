import type { CSSProperties } from 'react';

/**
 * The loading state of a list: the table's outline with shimmering rows. Every list page sends it
 * ahead of its rows, so each row is one element whose cells are drawn by CSS (globals.css).
 */
export function DataTableSkeleton({ columns = 5, rows = 10 }: { columns?: number; rows?: number }) {
  return (
    <div
      role="status"
      aria-label="Loading"
      className="data-table-skeleton"
      style={{ '--columns': columns } as CSSProperties}
    >
      {Array.from({ length: rows + 1 }, (_, row) => (
        <div key={row} />
      ))}
    </div>
  );
}

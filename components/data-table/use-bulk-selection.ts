'use client';

import { useState } from 'react';
import type { BulkSelection } from '@/lib/bulk';

type Picked<TData> = {
  rows: readonly TData[];
  versions: Map<string, number>;
  allMatching: boolean;
};

/**
 * The ticked rows of the page on screen (with the version each showed), or "all matching". It
 * belongs to the rows it was made on: a new page, filter or refresh starts with nothing ticked.
 */
export function useBulkSelection<TData>(
  rows: readonly TData[],
  getRowId: (row: TData) => string,
  getVersion: (row: TData) => number,
) {
  const [picked, setPicked] = useState<Picked<TData>>(() => ({
    rows,
    versions: new Map(),
    allMatching: false,
  }));
  const current = picked.rows === rows ? picked : { rows, versions: new Map(), allMatching: false };
  const { versions, allMatching } = current;
  const pageIds = rows.map(getRowId);
  const pageSelected = rows.length > 0 && pageIds.every((id) => versions.has(id));

  const pick = (next: Map<string, number>, all = false) =>
    setPicked({ rows, versions: next, allMatching: all });

  return {
    versions,
    allMatching,
    pageSelected,
    someSelected: versions.size > 0,
    isSelected: (id: string) => versions.has(id),
    toggle(row: TData) {
      const next = new Map(versions);
      const id = getRowId(row);
      if (next.has(id)) next.delete(id);
      else next.set(id, getVersion(row));
      pick(next);
    },
    togglePage() {
      pick(pageSelected ? new Map() : new Map(rows.map((row) => [getRowId(row), getVersion(row)])));
    },
    selectAllMatching: () => pick(versions, true),
    clear: () => pick(new Map()),
    /** What a bulk action is sent: the ticked rows, or the filter the server re-runs. */
    toSelection(filter: Record<string, string>, listedAt: string): BulkSelection {
      return allMatching
        ? { mode: 'filter', filter, listedAt }
        : { mode: 'rows', rows: [...versions].map(([id, version]) => ({ id, version })) };
    },
  };
}

export type BulkSelectionState = ReturnType<typeof useBulkSelection>;

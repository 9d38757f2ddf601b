'use client';

import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { bulkCap, type BulkSelection } from '@/lib/bulk';
import { formatCount } from '@/lib/format';
import type { BulkSelectionState } from './use-bulk-selection';

/** What a list's bulk actions are given: the selection to send, and where to report the answer. */
export type BulkActionContext = {
  selection: BulkSelection;
  /** The ticked ids, or null for "all matching" (an export then uses the filter). */
  selectedIds: string[] | null;
  /** Shows the server's answer ("3 changed, 1 skipped …") and clears the selection. */
  report: (message: string) => void;
};

export type DataTableBulk<TData> = {
  getVersion: (row: TData) => number;
  /** Names a row's checkbox, e.g. the client's name. */
  getLabel: (row: TData) => string;
  /** The list's filter as URL parameters (presets included): "all matching" re-runs it. */
  filter: Record<string, string>;
  /** When the server read the list: records changed since are skipped, not changed unseen. */
  listedAt: string;
  /** Plural noun of the rows, e.g. "clients". */
  noun: string;
  actions: (context: BulkActionContext) => ReactNode;
};

/** The sticky bar above a list while rows are selected; its count is announced to screen readers. */
export function BulkActionBar<TData>({
  bulk,
  state,
  total,
  totalIsCapped,
  pageRowCount,
  locale,
  onReport,
}: {
  bulk: DataTableBulk<TData>;
  state: BulkSelectionState;
  total: number;
  totalIsCapped: boolean;
  pageRowCount: number;
  /** The viewer's locale, for the counts. */
  locale: string;
  onReport: (message: string) => void;
}) {
  const totalLabel = `${formatCount(total, locale)}${totalIsCapped ? '+' : ''}`;
  const count = state.allMatching ? totalLabel : formatCount(state.versions.size, locale);
  const active = state.allMatching || state.someSelected;
  return (
    <>
      <p className="sr-only" aria-live="polite">
        {active ? `${count} selected` : ''}
      </p>
      {active ? (
        <div
          role="region"
          aria-label="Bulk actions"
          className="sticky top-0 z-10 flex flex-wrap items-end gap-3 rounded-lg border border-brand-200 bg-brand-50 px-4 py-3 shadow-sm"
        >
          <div className="space-y-1 text-sm text-slate-800">
            <p className="font-medium">{count} selected</p>
            {state.allMatching ? (
              <p className="text-xs text-slate-600">
                All {totalLabel} {bulk.noun} matching this filter.
                {totalIsCapped
                  ? ` One bulk action changes at most ${formatCount(bulkCap, locale)}: narrow the filter first.`
                  : ''}
              </p>
            ) : state.pageSelected && total > pageRowCount ? (
              <Button
                variant="ghost"
                className="px-0 py-0 text-brand-700 underline"
                onClick={state.selectAllMatching}
              >
                Select all {totalLabel} {bulk.noun} matching this filter
              </Button>
            ) : null}
          </div>
          {bulk.actions({
            selection: state.toSelection(bulk.filter, bulk.listedAt),
            selectedIds: state.allMatching ? null : [...state.versions.keys()],
            report: (message) => {
              state.clear();
              onReport(message);
            },
          })}
          <Button variant="ghost" onClick={state.clear} className="ml-auto">
            Clear selection
          </Button>
        </div>
      ) : null}
    </>
  );
}

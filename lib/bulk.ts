import { z } from 'zod';

/** The most records one bulk action touches; a broader filter is refused, not truncated. */
export const bulkCap = 10_000;

/** A page is at most 100 rows, so a selection by id never needs more. */
const maxSelectedRows = 100;

/**
 * What a bulk action applies to: the rows ticked on a page (each with the version it showed), or
 * every record matching the list's filter, which the server re-runs; `listedAt` is when the list
 * was read, so records changed since are skipped rather than changed unseen.
 */
export const bulkSelectionSchema = z.discriminatedUnion(
  'mode',
  [
    z.object({
      mode: z.literal('rows'),
      rows: z
        .array(z.object({ id: z.uuid(), version: z.number().int().min(1) }))
        .min(1, 'Select at least one row.')
        .max(
          maxSelectedRows,
          `Select at most ${maxSelectedRows} rows, or all matching the filter.`,
        ),
    }),
    z.object({
      mode: z.literal('filter'),
      filter: z.record(z.string(), z.string()),
      listedAt: z.iso.datetime(),
    }),
  ],
  { error: 'Select the rows to change.' },
);
export type BulkSelection = z.infer<typeof bulkSelectionSchema>;

const bulkSkipReasons = ['forbidden', 'stale', 'not_found', 'invalid', 'unchanged'] as const;
export type BulkSkipReason = (typeof bulkSkipReasons)[number];

const bulkSkipLabels: Record<BulkSkipReason, string> = {
  forbidden: 'not allowed',
  stale: 'changed by someone else',
  not_found: 'not found',
  invalid: 'not possible in their state',
  unchanged: 'already so',
};

export type BulkOutcome = 'changed' | BulkSkipReason;

export type BulkSummary = {
  changed: number;
  skipped: number;
  reasons: Record<BulkSkipReason, number>;
};

export function summarizeBulk(outcomes: readonly BulkOutcome[]): BulkSummary {
  const reasons = Object.fromEntries(bulkSkipReasons.map((reason) => [reason, 0])) as Record<
    BulkSkipReason,
    number
  >;
  let changed = 0;
  for (const outcome of outcomes) {
    if (outcome === 'changed') changed += 1;
    else reasons[outcome] += 1;
  }
  return { changed, skipped: outcomes.length - changed, reasons };
}

/** "3 changed, 2 skipped (1 not allowed, 1 changed by someone else)." */
export function describeBulkSummary(summary: BulkSummary): string {
  const head = `${summary.changed} changed, ${summary.skipped} skipped`;
  const why = bulkSkipReasons
    .filter((reason) => summary.reasons[reason] > 0)
    .map((reason) => `${summary.reasons[reason]} ${bulkSkipLabels[reason]}`);
  return why.length > 0 ? `${head} (${why.join(', ')}).` : `${head}.`;
}

type LockedRow = { id: string; version: number; updatedAt: Date };

/**
 * Splits the records found for a selection into those to act on and those skipped: a selected row
 * that was not found (deleted or not visible), one whose version moved on since it was shown, or,
 * for "all matching", one changed or created after the list was read.
 */
export function planBulk<TRow extends LockedRow>(
  selection: BulkSelection,
  found: readonly TRow[],
): { targets: TRow[]; skipped: BulkSkipReason[] } {
  const skipped: BulkSkipReason[] = [];
  const targets: TRow[] = [];
  if (selection.mode === 'rows') {
    const byId = new Map(found.map((row) => [row.id, row]));
    for (const { id, version } of new Map(selection.rows.map((row) => [row.id, row])).values()) {
      const row = byId.get(id);
      if (!row) skipped.push('not_found');
      else if (row.version !== version) skipped.push('stale');
      else targets.push(row);
    }
    return { targets, skipped };
  }
  const listedAt = new Date(selection.listedAt).getTime();
  for (const row of found) {
    if (row.updatedAt.getTime() > listedAt) skipped.push('stale');
    else targets.push(row);
  }
  return { targets, skipped };
}

/** What every bulk action answers. */
export type BulkResult = BulkSummary & { message: string };

export function bulkResult(outcomes: readonly BulkOutcome[]): BulkResult {
  const summary = summarizeBulk(outcomes);
  return { ...summary, message: describeBulkSummary(summary) };
}

/** `ids=a,b,c` on an export link: the rows ticked on a page. */
export const selectedIdsSchema = z
  .string()
  .transform((value) => value.split(',').filter(Boolean))
  .pipe(z.array(z.uuid()).min(1).max(maxSelectedRows));

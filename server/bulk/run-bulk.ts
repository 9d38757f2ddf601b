import 'server-only';
import { bulkCap, bulkResult, planBulk, type BulkOutcome, type BulkSelection } from '@/lib/bulk';
import { ActionError } from '@/server/errors';

type LockedRow = { id: string; version: number; updatedAt: Date };

/**
 * The body of every bulk action, inside its one transaction: `found` are the selected records the
 * user may see, already locked (at most bulkCap + 1 of them); each one still as it was shown goes
 * through `change`, which says what it did, and the rest are counted as skipped. An unexpected
 * error in any `change` throws, so the whole action rolls back.
 */
export async function runBulk<TRow extends LockedRow>(
  selection: BulkSelection,
  found: readonly TRow[],
  noun: string,
  change: (row: TRow) => Promise<BulkOutcome>,
) {
  if (found.length > bulkCap) {
    throw new ActionError(
      `More than ${bulkCap.toLocaleString('en')} ${noun} match this filter. Narrow it down and try again.`,
    );
  }
  const { targets, skipped } = planBulk(selection, found);
  const outcomes: BulkOutcome[] = [...skipped];
  for (const row of targets) outcomes.push(await change(row));
  return bulkResult(outcomes);
}

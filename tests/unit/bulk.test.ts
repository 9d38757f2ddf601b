import { describe, expect, it } from 'vitest';
import {
  bulkSelectionSchema,
  describeBulkSummary,
  planBulk,
  selectedIdsSchema,
  summarizeBulk,
} from '@/lib/bulk';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const row = (n: number, version = 1, updatedAt = new Date('2026-12-01T09:00:00Z')) => ({
  id: id(n),
  version,
  updatedAt,
});

describe('summarizeBulk and describeBulkSummary', () => {
  it('counts changes and groups the skipped by reason', () => {
    const summary = summarizeBulk([
      'changed',
      'forbidden',
      'changed',
      'stale',
      'not_found',
      'stale',
    ]);
    expect(summary).toMatchObject({ changed: 2, skipped: 4 });
    expect(summary.reasons).toMatchObject({ forbidden: 1, stale: 2, not_found: 1, invalid: 0 });
    expect(describeBulkSummary(summary)).toBe(
      '2 changed, 4 skipped (1 not allowed, 2 changed by someone else, 1 not found).',
    );
  });

  it('says nothing about reasons when nothing was skipped', () => {
    expect(describeBulkSummary(summarizeBulk(['changed']))).toBe('1 changed, 0 skipped.');
    expect(describeBulkSummary(summarizeBulk([]))).toBe('0 changed, 0 skipped.');
  });
});

describe('planBulk', () => {
  it('skips selected rows that were not found or whose version moved on', () => {
    const plan = planBulk(
      {
        mode: 'rows',
        rows: [
          { id: id(1), version: 1 },
          { id: id(2), version: 1 },
          { id: id(3), version: 4 },
        ],
      },
      [row(1), row(3, 5)],
    );
    expect(plan.targets.map((target) => target.id)).toEqual([id(1)]);
    expect(plan.skipped.sort()).toEqual(['not_found', 'stale']);
  });

  it('counts a row ticked twice once', () => {
    const plan = planBulk(
      {
        mode: 'rows',
        rows: [
          { id: id(1), version: 1 },
          { id: id(1), version: 1 },
        ],
      },
      [row(1)],
    );
    expect(plan.targets).toHaveLength(1);
    expect(plan.skipped).toEqual([]);
  });

  it('for all matching, skips rows changed after the list was read', () => {
    const listedAt = '2026-12-01T10:00:00.000Z';
    const plan = planBulk({ mode: 'filter', filter: {}, listedAt }, [
      row(1, 1, new Date('2026-12-01T09:59:59Z')),
      row(2, 1, new Date('2026-12-01T10:00:00.001Z')),
    ]);
    expect(plan.targets.map((target) => target.id)).toEqual([id(1)]);
    expect(plan.skipped).toEqual(['stale']);
  });
});

describe('selection input', () => {
  it('refuses an empty or oversized page selection and a filter without its time', () => {
    expect(bulkSelectionSchema.safeParse({ mode: 'rows', rows: [] }).success).toBe(false);
    const many = Array.from({ length: 101 }, (_, n) => ({ id: id(n), version: 1 }));
    expect(bulkSelectionSchema.safeParse({ mode: 'rows', rows: many }).success).toBe(false);
    expect(bulkSelectionSchema.safeParse({ mode: 'filter', filter: {} }).success).toBe(false);
    expect(bulkSelectionSchema.safeParse({ mode: 'everything' }).success).toBe(false);
  });

  it('reads the ids of an export link and refuses anything but uuids', () => {
    expect(selectedIdsSchema.parse(`${id(1)},${id(2)}`)).toEqual([id(1), id(2)]);
    expect(selectedIdsSchema.safeParse('1 or 1=1').success).toBe(false);
    expect(selectedIdsSchema.safeParse('').success).toBe(false);
  });
});

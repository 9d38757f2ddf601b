import { describe, expect, it } from 'vitest';
import { packRows, unpackRows } from '@/lib/packed-rows';

describe('packRows', () => {
  const rows = [
    { id: 'a', name: 'Acme', lastActivityAt: new Date('2026-11-30T10:00:00Z'), owner: null },
    { id: 'b', name: 'Beta', lastActivityAt: null, owner: 'Lena' },
  ];

  it('names the fields once and keeps one tuple per row', () => {
    expect(packRows(rows)).toEqual({
      keys: ['id', 'name', 'lastActivityAt', 'owner'],
      values: [
        ['a', 'Acme', new Date('2026-11-30T10:00:00Z'), null],
        ['b', 'Beta', null, 'Lena'],
      ],
    });
  });

  it('gives back the same rows, in order, with dates and nulls as they were', () => {
    expect(unpackRows(packRows(rows))).toEqual(rows);
  });

  it('packs an empty page to no fields and no rows', () => {
    expect(unpackRows(packRows([]))).toEqual([]);
  });
});

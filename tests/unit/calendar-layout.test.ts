import { describe, expect, it } from 'vitest';
import { packDayLanes } from '@/lib/calendar-layout';

const hours = (start: number, end: number) => ({ start: start * 60, end: end * 60 });

describe('packDayLanes', () => {
  it('gives events that overlap nothing the whole width', () => {
    expect(packDayLanes([hours(9, 10), hours(10, 11), hours(14, 15)])).toEqual([
      { column: 0, columns: 1 },
      { column: 0, columns: 1 },
      { column: 0, columns: 1 },
    ]);
  });

  it('splits two overlapping events into halves, whatever order they come in', () => {
    expect(packDayLanes([hours(10, 11), hours(9, 10.5)])).toEqual([
      { column: 1, columns: 2 },
      { column: 0, columns: 2 },
    ]);
  });

  it('splits a cluster by the most events at once and reuses a lane once it is free', () => {
    // 9–12 overlaps 9:30–10 and 10:30–11, which do not overlap each other: two lanes are enough.
    expect(packDayLanes([hours(9, 12), hours(9.5, 10), hours(10.5, 11)])).toEqual([
      { column: 0, columns: 2 },
      { column: 1, columns: 2 },
      { column: 1, columns: 2 },
    ]);
  });

  it('counts a chain of overlaps as one cluster, and a later event as its own', () => {
    const lanes = packDayLanes([
      hours(9, 10),
      hours(9.5, 11),
      hours(9.75, 10.5),
      hours(10.75, 12),
      hours(13, 14),
    ]);
    expect(lanes.slice(0, 4).map((lane) => lane.columns)).toEqual([3, 3, 3, 3]);
    expect(new Set(lanes.slice(0, 3).map((lane) => lane.column)).size).toBe(3);
    expect(lanes[4]).toEqual({ column: 0, columns: 1 });
  });

  it('puts events with the same start side by side and keeps zero-length ones visible', () => {
    expect(packDayLanes([hours(9, 10), hours(9, 10), { start: 600, end: 600 }])).toEqual([
      { column: 0, columns: 2 },
      { column: 1, columns: 2 },
      { column: 0, columns: 1 },
    ]);
  });

  it('returns nothing for an empty day', () => {
    expect(packDayLanes([])).toEqual([]);
  });
});

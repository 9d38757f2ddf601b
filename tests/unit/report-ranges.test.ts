import { describe, expect, it } from 'vitest';
import {
  chartRows,
  csvReportCell,
  daysSalesOutstanding,
  formatReportCell,
  winRate,
} from '@/lib/report-catalog';
import { monthsOf, presetDates, resolveReportRange, rollupSplit } from '@/lib/report-ranges';

describe('report ranges', () => {
  it('reads every UTC day of a UTC range from the rollups', () => {
    const range = resolveReportRange(
      { range: 'custom', from: '2026-07-01', to: '2026-09-30' },
      'UTC',
    );
    expect(rollupSplit(range, 'UTC')).toEqual({
      days: [{ start: new Date('2026-07-01T00:00:00Z'), end: new Date('2026-10-01T00:00:00Z') }],
      rest: [],
    });
  });

  it('reads the ragged ends and the days a month starts inside from the rows', () => {
    const range = resolveReportRange(
      { range: 'custom', from: '2026-07-01', to: '2026-08-31' },
      'Asia/Kathmandu',
    );
    const { days, rest } = rollupSplit(range, 'Asia/Kathmandu');
    expect(rest).toEqual([
      { start: new Date('2026-06-30T18:15:00Z'), end: new Date('2026-07-01T00:00:00Z') },
      { start: new Date('2026-07-31T00:00:00Z'), end: new Date('2026-08-01T00:00:00Z') },
      { start: new Date('2026-08-31T00:00:00Z'), end: new Date('2026-08-31T18:15:00Z') },
    ]);
    expect(days).toEqual([
      { start: new Date('2026-07-01T00:00:00Z'), end: new Date('2026-07-31T00:00:00Z') },
      { start: new Date('2026-08-01T00:00:00Z'), end: new Date('2026-08-31T00:00:00Z') },
    ]);
  });

  it('reads a range shorter than a whole UTC day from the rows', () => {
    const range = resolveReportRange(
      { range: 'custom', from: '2026-07-01', to: '2026-07-01' },
      'America/New_York',
    );
    expect(rollupSplit(range, 'America/New_York')).toEqual({
      days: [],
      rest: [{ start: range.start, end: range.end }],
    });
  });

  it('names each preset on the viewer calendar', () => {
    expect(presetDates('thisMonth', '2026-11-15')).toEqual({
      from: '2026-11-01',
      to: '2026-11-15',
    });
    expect(presetDates('lastMonth', '2026-03-31')).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(presetDates('thisQuarter', '2026-11-15')).toEqual({
      from: '2026-10-01',
      to: '2026-11-15',
    });
    expect(presetDates('lastQuarter', '2026-02-10')).toEqual({
      from: '2025-10-01',
      to: '2025-12-31',
    });
    expect(presetDates('yearToDate', '2026-11-15')).toEqual({
      from: '2026-01-01',
      to: '2026-11-15',
    });
    expect(presetDates('last12Months', '2026-11-15')).toEqual({
      from: '2025-12-01',
      to: '2026-11-15',
    });
  });

  it('takes the month from the viewer zone, not UTC', () => {
    // 1 December 03:00 UTC is still 30 November in New York.
    const now = new Date('2026-12-01T03:00:00Z');
    expect(resolveReportRange({ range: 'thisMonth' }, 'America/New_York', now)).toMatchObject({
      from: '2026-11-01',
      to: '2026-11-30',
      start: new Date('2026-11-01T04:00:00Z'),
      end: new Date('2026-12-01T05:00:00Z'),
    });
    expect(resolveReportRange({ range: 'thisMonth' }, 'UTC', now)).toMatchObject({
      from: '2026-12-01',
      start: new Date('2026-12-01T00:00:00Z'),
    });
    // Tokyo is ahead: 30 November 20:00 UTC is already 1 December there.
    expect(
      resolveReportRange({ range: 'lastMonth' }, 'Asia/Tokyo', new Date('2026-11-30T20:00:00Z')),
    ).toMatchObject({
      from: '2026-11-01',
      to: '2026-11-30',
      start: new Date('2026-10-31T15:00:00Z'),
    });
  });

  it('bounds months across a daylight-saving change by local midnights', () => {
    const range = resolveReportRange(
      { range: 'custom', from: '2026-03-01', to: '2026-04-30' },
      'Europe/Berlin',
    );
    const months = monthsOf(range, 'Europe/Berlin');
    expect(months.map((month) => [month.start.toISOString(), month.end.toISOString()])).toEqual([
      ['2026-02-28T23:00:00.000Z', '2026-03-31T22:00:00.000Z'],
      ['2026-03-31T22:00:00.000Z', '2026-04-30T22:00:00.000Z'],
    ]);
  });

  it('swaps custom dates given in the wrong order and clips months to the range', () => {
    const range = resolveReportRange(
      { range: 'custom', from: '2026-02-20', to: '2026-01-10' },
      'UTC',
    );
    expect([range.from, range.to]).toEqual(['2026-01-10', '2026-02-20']);
    expect(monthsOf(range, 'UTC').map((month) => [month.from, month.to])).toEqual([
      ['2026-01-10', '2026-01-31'],
      ['2026-02-01', '2026-02-20'],
    ]);
  });
});

describe('report arithmetic', () => {
  it('computes win rate and DSO, null when there is nothing to divide', () => {
    expect(winRate(3, 1)).toBe(0.75);
    expect(winRate(0, 0)).toBeNull();
    expect(daysSalesOutstanding(50_000, 100_000, 90)).toBe(45);
    expect(daysSalesOutstanding(50_000, 0, 90)).toBeNull();
  });

  it('formats cells for people and for spreadsheets', () => {
    expect(formatReportCell(123_456, 'money', 'USD', 'en-US')).toBe('$1,234.56');
    expect(formatReportCell(2 / 3, 'percent', null, 'en-US')).toBe('67 %');
    expect(formatReportCell(null, 'days', null, 'en-US')).toBe('—');
    expect(csvReportCell(123_456, 'money')).toBe('1234.56');
    expect(csvReportCell(20, 'days')).toBe('20.0');
  });

  it('charts one currency and never a totals row', () => {
    const rows = [{ currency: 'USD' }, { currency: 'EUR' }, { currency: 'USD', total: true }];
    expect(chartRows(rows, 'USD')).toEqual([{ currency: 'USD' }]);
  });
});

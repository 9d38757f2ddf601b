import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvDateTime } from '../support/csv';
import {
  calendarDateIn,
  formatCount,
  formatDate,
  formatDateTime,
  formatMoney,
  formatRelativeTime,
  formatSortableDateTime,
} from '@/lib/format';

const utc = { timeZone: 'UTC', locale: 'en-US' };
// Two viewers on opposite sides of the date line, whose clocks change on different days.
const auckland = { timeZone: 'Pacific/Auckland', locale: 'en-GB' };
const losAngeles = { timeZone: 'America/Los_Angeles', locale: 'en-US' };

describe('formatting', () => {
  it('shows times in the viewer time zone', () => {
    const instant = new Date('2026-11-28T03:30:00Z');
    expect(formatDateTime(instant, utc)).toBe('Nov 28, 2026, 3:30 AM');
    expect(formatDateTime(instant, { ...utc, timeZone: 'America/New_York' })).toBe(
      'Nov 27, 2026, 10:30 PM',
    );
    expect(formatDateTime(null, utc)).toBe('—');
  });

  it('shows calendar dates without shifting them, in the viewer locale', () => {
    expect(formatDate('2026-12-01', utc)).toBe('Dec 1, 2026');
    expect(formatDate('2026-04-05', auckland)).toBe('5 Apr 2026');
    expect(formatDate('2026-04-05', losAngeles)).toBe('Apr 5, 2026');
    expect(formatDate('2026-12-01', { locale: 'de-DE' })).toBe('01.12.2026');
  });

  it('shows money from cents in its currency, with cents only when there are some', () => {
    expect(formatMoney(1_250_000, 'USD')).toBe('$12,500');
    expect(formatMoney(1_250_050, 'USD')).toBe('$12,500.50');
    expect(formatMoney(99_900, 'EUR')).toBe('€999');
    expect(formatMoney(1_250_050, 'EUR', 'de-DE')).toBe('12.500,50\u00a0€');
    expect(formatCount(10_000)).toBe('10,000');
    expect(formatCount(10_000, 'pl-PL')).toBe('10\u00a0000');
  });

  it('shows recent times as how long ago, and older ones in the viewer time zone', () => {
    const now = new Date('2026-11-28T12:00:00Z');
    const ago = (ms: number) => new Date(now.getTime() - ms);
    expect(formatRelativeTime(ago(20_000), utc, now)).toBe('now');
    expect(formatRelativeTime(ago(5 * 60_000), utc, now)).toBe('5 minutes ago');
    expect(formatRelativeTime(ago(3 * 3_600_000), utc, now)).toBe('3 hours ago');
    expect(formatRelativeTime(ago(30 * 3_600_000), utc, now)).toBe('yesterday');
    expect(formatRelativeTime(ago(3 * 3_600_000), { ...utc, locale: 'de-DE' }, now)).toBe(
      'vor 3 Stunden',
    );
    expect(
      formatRelativeTime(ago(8 * 86_400_000), { ...utc, timeZone: 'America/New_York' }, now),
    ).toBe('Nov 20, 2026, 7:00 AM');
  });
});

describe('two viewers across a daylight-saving change', () => {
  it('Auckland leaves daylight time on 5 April 2026: one wall-clock hour happens twice', () => {
    const beforeChange = new Date('2026-04-04T13:30:00Z');
    const afterChange = new Date('2026-04-04T14:30:00Z');
    expect(formatDateTime(beforeChange, auckland)).toBe('5 Apr 2026, 02:30');
    expect(formatDateTime(afterChange, auckland)).toBe('5 Apr 2026, 02:30');
    expect(formatDateTime(beforeChange, losAngeles)).toBe('Apr 4, 2026, 6:30 AM');
    expect(formatDateTime(afterChange, losAngeles)).toBe('Apr 4, 2026, 7:30 AM');
  });

  it('Los Angeles enters daylight time on 8 March 2026: 2 AM never happens', () => {
    const beforeChange = new Date('2026-03-08T09:30:00Z');
    const afterChange = new Date('2026-03-08T10:30:00Z');
    expect(formatDateTime(beforeChange, losAngeles)).toBe('Mar 8, 2026, 1:30 AM');
    expect(formatDateTime(afterChange, losAngeles)).toBe('Mar 8, 2026, 3:30 AM');
    expect(formatDateTime(beforeChange, auckland)).toBe('8 Mar 2026, 22:30');
    expect(formatDateTime(afterChange, auckland)).toBe('8 Mar 2026, 23:30');
  });

  it('counts "yesterday" and "today" on each viewer calendar', () => {
    // 23 hours before: the same day in Auckland (the day was 25 hours long), the day before in LA.
    const now = new Date('2026-04-05T11:30:00Z');
    const event = new Date('2026-04-04T12:30:00Z');
    expect(formatRelativeTime(event, auckland, now)).toBe('23 hours ago');
    expect(formatRelativeTime(event, losAngeles, now)).toBe('yesterday');
    expect(calendarDateIn(auckland.timeZone, now)).toBe('2026-04-05');
    expect(calendarDateIn(losAngeles.timeZone, now)).toBe('2026-04-05');
    expect(calendarDateIn(auckland.timeZone, event)).toBe('2026-04-05');
    expect(calendarDateIn(losAngeles.timeZone, event)).toBe('2026-04-04');
  });

  it('counts whole days across the US autumn change and the New Zealand spring one', () => {
    const now = new Date('2026-11-02T18:00:00Z');
    expect(formatRelativeTime(new Date('2026-10-31T18:00:00Z'), losAngeles, now)).toBe(
      '2 days ago',
    );
    const nzNow = new Date('2026-09-27T20:00:00Z');
    expect(formatRelativeTime(new Date('2026-09-25T20:00:00Z'), auckland, nzNow)).toBe(
      '2 days ago',
    );
  });

  it('writes export timestamps in the reader zone, sortable', () => {
    // Los Angeles leaves daylight time at 09:00 UTC on 1 November: 1:30 AM happens twice.
    const streamed = '2026-11-01 08:30:00.123456+00';
    expect(csvDateTime(streamed, losAngeles.timeZone)).toBe('2026-11-01 01:30');
    expect(csvDateTime('2026-11-01 09:30:00+00', losAngeles.timeZone)).toBe('2026-11-01 01:30');
    expect(csvDateTime(streamed, auckland.timeZone)).toBe('2026-11-01 21:30');
    expect(csvDateTime('2026-11-01 11:30:00+02', 'UTC')).toBe('2026-11-01 09:30');
    expect(csvDateTime(null, 'UTC')).toBeNull();
    // Offsets with minutes, west of UTC, and microseconds, as PostgreSQL writes them.
    expect(csvDateTime('2026-11-01 15:00:59.999999+05:30', 'UTC')).toBe('2026-11-01 09:30');
    expect(csvDateTime('2026-10-31 23:45:00-03:30', 'UTC')).toBe('2026-11-01 03:15');
    expect(csvDateTime('2026-11-01T09:30:00Z', 'UTC')).toBe('2026-11-01 09:30');
    expect(formatSortableDateTime(new Date('2026-04-04T23:59:00Z'), 'UTC')).toBe(
      '2026-04-04 23:59',
    );
  });

  it('writes export timestamps as Intl would, across offset changes and old local mean times', () => {
    const zones = [
      'UTC',
      'America/Los_Angeles',
      'Pacific/Auckland',
      'Australia/Lord_Howe',
      'Asia/Kathmandu',
      'Europe/Amsterdam',
      'America/St_Johns',
    ];
    const intl = (instant: Date, timeZone: string) => {
      const parts = Object.fromEntries(
        new Intl.DateTimeFormat('en-CA', {
          timeZone,
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
        })
          .formatToParts(instant)
          .map((part) => [part.type, part.value]),
      );
      return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
    };
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.date({
          min: new Date('1850-01-01T00:00:00Z'),
          max: new Date('2100-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        (timeZone, instant) => {
          expect(formatSortableDateTime(instant, timeZone)).toBe(intl(instant, timeZone));
        },
      ),
      { numRuns: 1000 },
    );
    // Each minute around Lord Howe's half-hour change back and Amsterdam's 1937 offset of +00:20.
    for (const [start, timeZone] of [
      ['2026-04-04T14:00:00Z', 'Australia/Lord_Howe'],
      ['1937-06-30T23:00:00Z', 'Europe/Amsterdam'],
    ] as const) {
      for (let minute = 0; minute < 120; minute += 1) {
        const instant = new Date(new Date(start).getTime() + minute * 60_000 + 59_000);
        expect(formatSortableDateTime(instant, timeZone)).toBe(intl(instant, timeZone));
      }
    }
  });
});

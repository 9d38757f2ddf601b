import { describe, expect, it } from 'vitest';
import { findFreeSlots } from '@/lib/free-slots';
import type { ViewerFormat } from '@/lib/format';
import { findOverlaps, formatMeetingTime, overlaps, withBuffer } from '@/lib/meetings';
import { expandRecurrence } from '@/lib/recurrence';
import { localTimeOf, zonedTimeToInstant } from '@/lib/zoned-time';

const at = (iso: string) => new Date(iso);

describe('zonedTimeToInstant', () => {
  it('reads a wall time with the offset in force on that day', () => {
    expect(zonedTimeToInstant('2026-01-15', '09:00', 'America/New_York').toISOString()).toBe(
      '2026-01-15T14:00:00.000Z',
    );
    expect(zonedTimeToInstant('2026-07-15', '09:00', 'America/New_York').toISOString()).toBe(
      '2026-07-15T13:00:00.000Z',
    );
    expect(zonedTimeToInstant('2026-07-15', '09:00', 'Pacific/Auckland').toISOString()).toBe(
      '2026-07-14T21:00:00.000Z',
    );
  });

  it('moves a time skipped in spring forward and takes the first of a repeated autumn time', () => {
    // New York skips 02:00–03:00 on 8 March 2026 and repeats 01:00–02:00 on 1 November.
    expect(zonedTimeToInstant('2026-03-08', '02:30', 'America/New_York').toISOString()).toBe(
      '2026-03-08T07:30:00.000Z',
    );
    expect(zonedTimeToInstant('2026-11-01', '01:30', 'America/New_York').toISOString()).toBe(
      '2026-11-01T05:30:00.000Z',
    );
  });

  it('answers a repeated question alike, with a date of its own each time', () => {
    const first = zonedTimeToInstant('2026-04-01', '00:00', 'Asia/Kolkata');
    first.setTime(0);
    const again = zonedTimeToInstant('2026-04-01', '00:00', 'Asia/Kolkata');
    expect(again.toISOString()).toBe('2026-03-31T18:30:00.000Z');
    expect(zonedTimeToInstant('2026-04-01', '00:00', 'Europe/Paris').toISOString()).toBe(
      '2026-03-31T22:00:00.000Z',
    );
  });
});

describe('formatMeetingTime', () => {
  it('formats the same meeting for each viewer in their own zone and locale', () => {
    const start = new Date('2026-03-03T15:00:00Z');
    const end = new Date('2026-03-03T16:00:00Z');
    const newYork = { timeZone: 'America/New_York', locale: 'en-US' };
    const berlin = { timeZone: 'Europe/Berlin', locale: 'de-DE' };
    // ICU separates with narrow and thin spaces.
    const formatted = (to: Date, viewer: ViewerFormat) =>
      formatMeetingTime(start, to, viewer).replace(/\s/g, ' ');
    expect(formatted(end, newYork)).toBe('Tue, Mar 3, 10:00 – 11:00 AM');
    expect(formatted(end, berlin)).toBe('Di., 3. März, 16:00–17:00 Uhr');
    expect(formatted(end, newYork)).toBe('Tue, Mar 3, 10:00 – 11:00 AM');
    expect(formatted(new Date('2026-03-03T17:00:00Z'), newYork)).toBe(
      'Tue, Mar 3, 10:00 AM – 12:00 PM',
    );
  });
});

describe('expandRecurrence', () => {
  it('keeps a weekly 09:00 New York meeting at 09:00 across March and November', () => {
    const occurrences = expandRecurrence(
      { frequency: 'weekly', interval: 1, weekdays: [4], count: 40 },
      '2026-02-26',
      '09:00',
      60,
      'America/New_York',
    );
    expect(occurrences).toHaveLength(40);
    for (const occurrence of occurrences) {
      expect(localTimeOf(occurrence.start, 'America/New_York')).toBe('09:00');
      expect(occurrence.end.getTime() - occurrence.start.getTime()).toBe(3_600_000);
    }
    const byDate = Object.fromEntries(occurrences.map((o) => [o.date, o.start.toISOString()]));
    expect(byDate['2026-03-05']).toBe('2026-03-05T14:00:00.000Z');
    expect(byDate['2026-03-12']).toBe('2026-03-12T13:00:00.000Z');
    expect(byDate['2026-10-29']).toBe('2026-10-29T13:00:00.000Z');
    expect(byDate['2026-11-05']).toBe('2026-11-05T14:00:00.000Z');
  });

  it('repeats on chosen weekdays every other week until a date, inclusive', () => {
    const occurrences = expandRecurrence(
      { frequency: 'weekly', interval: 2, weekdays: [5, 1], untilDate: '2026-06-15' },
      '2026-06-03',
      '10:00',
      30,
      'Europe/Berlin',
    );
    expect(occurrences.map((o) => o.date)).toEqual(['2026-06-05', '2026-06-15']);
  });

  it('repeats daily and monthly, skipping months without the day', () => {
    const daily = expandRecurrence(
      { frequency: 'daily', interval: 1, count: 3 },
      '2026-12-31',
      '08:00',
      15,
      'UTC',
    );
    expect(daily.map((o) => o.date)).toEqual(['2026-12-31', '2027-01-01', '2027-01-02']);
    const monthly = expandRecurrence(
      { frequency: 'monthly', interval: 1, count: 3 },
      '2026-01-31',
      '08:00',
      15,
      'UTC',
    );
    expect(monthly.map((o) => o.date)).toEqual(['2026-01-31', '2026-03-31', '2026-05-31']);
  });

  it('never makes more than the cap', () => {
    const occurrences = expandRecurrence(
      { frequency: 'daily', interval: 1 },
      '2026-01-01',
      '08:00',
      15,
      'UTC',
    );
    expect(occurrences).toHaveLength(100);
  });
});

describe('overlap detection', () => {
  const meeting = { start: at('2026-05-04T10:00:00Z'), end: at('2026-05-04T11:00:00Z') };

  it('finds shared time but not touching ends', () => {
    expect(
      overlaps(meeting, { start: at('2026-05-04T10:59:00Z'), end: at('2026-05-04T12:00:00Z') }),
    ).toBe(true);
    expect(
      overlaps(meeting, { start: at('2026-05-04T11:00:00Z'), end: at('2026-05-04T12:00:00Z') }),
    ).toBe(false);
    expect(
      overlaps(meeting, { start: at('2026-05-04T09:00:00Z'), end: at('2026-05-04T10:00:00Z') }),
    ).toBe(false);
  });

  it('counts travel buffers as busy', () => {
    const next = { start: at('2026-05-04T11:15:00Z'), end: at('2026-05-04T12:00:00Z') };
    expect(findOverlaps([meeting], [next])).toEqual([]);
    expect(findOverlaps([withBuffer(meeting, 30, 30)], [next])).toEqual([next]);
  });
});

describe('findFreeSlots', () => {
  const newYork = {
    timeZone: 'America/New_York',
    workingHoursStart: '09:00',
    workingHoursEnd: '17:00',
    workingDays: [1, 2, 3, 4, 5],
    busy: [],
  };

  it('keeps to working hours on the right side of a DST change', () => {
    // Friday 6 March 2026 (EST, UTC−5), then Monday 9 March (EDT, UTC−4).
    const slots = findFreeSlots({
      attendees: [newYork],
      durationMinutes: 60,
      from: at('2026-03-06T21:00:00Z'),
      limit: 2,
    });
    expect(slots.map((slot) => slot.start.toISOString())).toEqual([
      '2026-03-06T21:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
    ]);
  });

  it('finds the overlap of New York and Auckland working days, around busy time', () => {
    const auckland = {
      timeZone: 'Pacific/Auckland',
      workingHoursStart: '08:00',
      workingHoursEnd: '18:00',
      workingDays: [1, 2, 3, 4, 5],
      // Busy at 09:00 on Tuesday in Auckland: 16:00 on Monday in New York.
      busy: [{ start: at('2026-03-09T20:00:00Z'), end: at('2026-03-09T20:30:00Z') }],
    };
    const slots = findFreeSlots({
      attendees: [newYork, auckland],
      durationMinutes: 30,
      from: at('2026-03-09T12:00:00Z'),
      limit: 4,
    });
    // New York's 15:00–17:00 (EDT, UTC−4) is Auckland's 08:00–10:00 (NZDT, UTC+13) next morning.
    expect(slots.map((slot) => slot.start.toISOString())).toEqual([
      '2026-03-09T19:00:00.000Z',
      '2026-03-09T19:30:00.000Z',
      '2026-03-09T20:30:00.000Z',
      '2026-03-10T19:00:00.000Z',
    ]);
  });

  it('finds nothing when the working hours never meet', () => {
    const night = {
      ...newYork,
      timeZone: 'Asia/Tokyo',
      workingHoursStart: '09:00',
      workingHoursEnd: '10:00',
    };
    expect(
      findFreeSlots({
        attendees: [newYork, night],
        durationMinutes: 60,
        from: at('2026-03-09T00:00:00Z'),
      }),
    ).toEqual([]);
  });
});

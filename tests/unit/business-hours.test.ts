import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  addBusinessHours,
  instantAt,
  type WorkingTime,
} from '@/lib/business-hours';

const weekdays = [1, 2, 3, 4, 5];
const newYork: WorkingTime = {
  timeZone: 'America/New_York',
  workingHoursStart: '09:00',
  workingHoursEnd: '17:00',
  workingDays: weekdays,
};
const auckland: WorkingTime = { ...newYork, timeZone: 'Pacific/Auckland' };

describe('business-hours arithmetic', () => {
  it('counts within one working day', () => {
    // Tuesday 10:00 EST.
    expect(addBusinessHours(new Date('2026-02-03T15:00:00Z'), 4, newYork)).toEqual(
      new Date('2026-02-03T19:00:00Z'),
    );
  });

  it('carries the rest over the weekend and into the new daylight-saving offset', () => {
    // Friday 6 March 2026 15:00 EST: 2 h that day, 2 h on Monday 9 March, which starts at
    // 09:00 EDT (13:00 UTC) since the clocks went forward on Sunday the 8th.
    expect(addBusinessHours(new Date('2026-03-06T20:00:00Z'), 4, newYork)).toEqual(
      new Date('2026-03-09T15:00:00Z'),
    );
  });

  it('carries over the end of daylight saving in November', () => {
    // Friday 30 October 16:00 EDT → 1 h, then Monday 2 November from 09:00 EST (14:00 UTC).
    expect(addBusinessHours(new Date('2026-10-30T20:00:00Z'), 4, newYork)).toEqual(
      new Date('2026-11-02T17:00:00Z'),
    );
  });

  it('starts the clock when the day begins for feedback logged at night or on a weekend', () => {
    // Saturday noon in New York: the 4 hours run from Monday 09:00 EST.
    expect(addBusinessHours(new Date('2026-02-07T17:00:00Z'), 4, newYork)).toEqual(
      new Date('2026-02-09T18:00:00Z'),
    );
    // 03:00 on a Wednesday: from 09:00 that day.
    expect(addBusinessHours(new Date('2026-02-04T08:00:00Z'), 1, newYork)).toEqual(
      new Date('2026-02-04T15:00:00Z'),
    );
  });

  it('counts in a Pacific/Auckland user’s own days and zone across the April change', () => {
    // Friday 3 April 2026 16:00 NZDT (+13) is 03:00 UTC. 1 h on Friday; New Zealand leaves
    // daylight saving on Sunday the 5th, so Monday starts at 09:00 NZST (+12), 21:00 UTC Sunday.
    const loggedAt = new Date('2026-04-03T03:00:00Z');
    expect(addBusinessHours(loggedAt, 4, auckland)).toEqual(new Date('2026-04-06T00:00:00Z'));
    // 3 business days = 24 working hours: 1 (Fri) + 8 (Mon) + 8 (Tue) + 7 (Wed) → Wed 16:00 NZST.
    expect(addBusinessDays(loggedAt, 3, auckland)).toEqual(new Date('2026-04-08T04:00:00Z'));
  });

  it('follows the person’s own working days and hours', () => {
    const sundayToThursday: WorkingTime = {
      timeZone: 'Asia/Dubai',
      workingHoursStart: '08:00',
      workingHoursEnd: '12:00',
      workingDays: [7, 1, 2, 3, 4],
    };
    // Thursday 11:00 in Dubai (+4): 1 h on Thursday, 1 h on Sunday from 08:00.
    expect(addBusinessHours(new Date('2026-02-05T07:00:00Z'), 2, sundayToThursday)).toEqual(
      new Date('2026-02-08T05:00:00Z'),
    );
  });

  it('refuses a working time with no working day', () => {
    expect(() =>
      addBusinessHours(new Date('2026-02-03T15:00:00Z'), 1, { ...newYork, workingDays: [] }),
    ).toThrow();
  });

  it('maps a local time in the spring-forward gap to the later offset', () => {
    // 02:30 on 8 March 2026 does not exist in New York; it reads as 03:30 EDT.
    expect(new Date(instantAt(Date.UTC(2026, 2, 8, 2, 30), 'America/New_York'))).toEqual(
      new Date('2026-03-08T07:30:00Z'),
    );
  });
});

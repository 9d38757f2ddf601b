import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  contractStatuses,
  contractTransitions,
  nextContractStatus,
  noticeDeadline,
} from '@/lib/contracts';
import { contractSettingsSchema } from '@/lib/validation/settings';

describe('contract dates', () => {
  it('adds months on the same day, or the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-03-15', 12)).toBe('2027-03-15');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });

  it('derives the notice deadline as the end minus the notice period', () => {
    expect(noticeDeadline('2026-12-31', 30)).toBe('2026-12-01');
    expect(noticeDeadline('2026-03-01', 1)).toBe('2026-02-28');
    expect(noticeDeadline(null, 30)).toBeNull();
  });

  it('undoes adding days by subtracting them', () => {
    const day = fc
      .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: -1000, max: 1000 }), (date, days) => {
        expect(addDays(addDays(date, days), -days)).toBe(date);
      }),
    );
  });
});

describe('the contract life cycle', () => {
  it('goes draft → sent → signed → active → expired, and terminates only what is running', () => {
    expect(nextContractStatus('draft', 'send')).toBe('sent');
    expect(nextContractStatus('sent', 'sign')).toBe('signed');
    expect(nextContractStatus('signed', 'activate')).toBe('active');
    expect(nextContractStatus('active', 'expire')).toBe('expired');
    expect(nextContractStatus('draft', 'sign')).toBeNull();
    expect(nextContractStatus('draft', 'terminate')).toBeNull();
    expect(nextContractStatus('expired', 'terminate')).toBeNull();
    expect(nextContractStatus('terminated', 'renew')).toBeNull();
  });

  it('leaves terminated contracts with no way out', () => {
    for (const transition of Object.keys(
      contractTransitions,
    ) as (keyof typeof contractTransitions)[]) {
      expect(nextContractStatus('terminated', transition)).toBeNull();
    }
    expect(contractStatuses).toContain('terminated');
  });
});

describe('reminder days setting', () => {
  it('reads "30, 14, 7" as days, biggest first, without repeats', () => {
    expect(contractSettingsSchema.parse({ reminderDays: '7, 30,14, 7' })).toEqual({
      reminderDays: [30, 14, 7],
    });
  });

  it('refuses days that are not whole numbers from 1 to 365', () => {
    for (const reminderDays of ['0', '7, soon', '400', '1.5']) {
      expect(contractSettingsSchema.safeParse({ reminderDays }).success).toBe(false);
    }
  });
});

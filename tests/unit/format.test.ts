import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatDateTime, formatMoney } from '@/lib/format';

describe('formatting', () => {
  it('shows times in the viewer time zone', () => {
    const instant = new Date('2026-11-28T03:30:00Z');
    expect(formatDateTime(instant, 'UTC')).toBe('Nov 28, 2026, 3:30 AM');
    expect(formatDateTime(instant, 'America/New_York')).toBe('Nov 27, 2026, 10:30 PM');
    expect(formatDateTime(null, 'UTC')).toBe('—');
  });

  it('shows calendar dates without shifting them', () => {
    expect(formatDate('2026-12-01')).toBe('Dec 1, 2026');
  });

  it('shows money from cents in its currency, with cents only when there are some', () => {
    expect(formatMoney(1_250_000, 'USD')).toBe('$12,500');
    expect(formatMoney(1_250_050, 'USD')).toBe('$12,500.50');
    expect(formatMoney(99_900, 'EUR')).toBe('€999');
    expect(formatCount(10_000)).toBe('10,000');
  });
});

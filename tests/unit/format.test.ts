import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatDate,
  formatDateTime,
  formatMoney,
  formatRelativeTime,
} from '@/lib/format';

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

  it('shows recent times as how long ago, and older ones in the viewer time zone', () => {
    const now = new Date('2026-11-28T12:00:00Z');
    const ago = (ms: number) => new Date(now.getTime() - ms);
    expect(formatRelativeTime(ago(20_000), 'UTC', now)).toBe('just now');
    expect(formatRelativeTime(ago(5 * 60_000), 'UTC', now)).toBe('5 minutes ago');
    expect(formatRelativeTime(ago(3 * 3_600_000), 'UTC', now)).toBe('3 hours ago');
    expect(formatRelativeTime(ago(30 * 3_600_000), 'UTC', now)).toBe('yesterday');
    expect(formatRelativeTime(ago(8 * 86_400_000), 'America/New_York', now)).toBe(
      'Nov 20, 2026, 7:00 AM',
    );
  });
});

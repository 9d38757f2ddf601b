import { describe, expect, it } from 'vitest';
import {
  formatMoneyCompact,
  formatPercent,
  formatTurnaround,
  pipelineStageHref,
  totalsByCurrency,
} from '@/lib/reports';

describe('pipeline totals', () => {
  it('adds stages up per currency, the currency with most deals first, never across currencies', () => {
    expect(
      totalsByCurrency([
        { stage: 'lead', currency: 'EUR', count: 1, valueCents: 500, weightedCents: 50 },
        { stage: 'lead', currency: 'USD', count: 2, valueCents: 1_000, weightedCents: 100 },
        { stage: 'proposal', currency: 'USD', count: 1, valueCents: 2_000, weightedCents: 1_000 },
      ]),
    ).toEqual([
      { currency: 'USD', count: 3, valueCents: 3_000, weightedCents: 1_100 },
      { currency: 'EUR', count: 1, valueCents: 500, weightedCents: 50 },
    ]);
    expect(totalsByCurrency([])).toEqual([]);
  });
});

describe('dashboard formats', () => {
  it('says turnaround in minutes, hours or days', () => {
    expect(formatTurnaround(null)).toBe('—');
    expect(formatTurnaround(0.25)).toBe('15 min');
    expect(formatTurnaround(15)).toBe('15 h');
    expect(formatTurnaround(18.54)).toBe('18.5 h');
    expect(formatTurnaround(78)).toBe('3.3 days');
  });

  it('says a rate as a whole percentage, or a dash when nothing closed', () => {
    expect(formatPercent(0.5)).toBe('50 %');
    expect(formatPercent(2 / 3)).toBe('67 %');
    expect(formatPercent(null)).toBe('—');
  });

  it('links a stage to the filtered deals list and shortens axis amounts', () => {
    expect(pipelineStageHref('negotiation')).toBe('/pipeline?stage=negotiation');
    expect(formatMoneyCompact(123_456_700, 'USD', 'en-US')).toBe('$1.2M');
    expect(formatMoneyCompact(123_456_700, 'EUR', 'de-DE')).toBe('1,2\u00a0Mio.\u00a0€');
  });
});

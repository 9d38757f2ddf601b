import { describe, expect, it } from 'vitest';
import { formValuesAfter } from '@/lib/action-result';

const saved = { name: 'Lumen Labs', website: 'lumen.example' };

describe('what a form shows after a save', () => {
  it('shows the saved values before any save and after a successful one', () => {
    expect(formValuesAfter(null, saved)).toEqual(saved);
    expect(formValuesAfter({ ok: true, data: { id: 'x' } }, saved)).toEqual(saved);
  });

  it('keeps what was typed over the saved values when the save was refused', () => {
    const refused = { ok: false as const, error: 'Check the fields.', values: { name: '' } };
    expect(formValuesAfter(refused, saved)).toEqual({ name: '', website: 'lumen.example' });
  });

  it('goes back to the saved values after a stale refusal', () => {
    const stale = {
      ok: false as const,
      error: 'This client was changed by someone else.',
      code: 'stale' as const,
      values: { name: 'Mine' },
    };
    expect(formValuesAfter(stale, saved)).toEqual(saved);
  });
});

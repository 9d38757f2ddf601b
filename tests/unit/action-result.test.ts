import { describe, expect, it } from 'vitest';
import { formValuesAfter, mayRetry } from '@/lib/action-result';

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

describe('whether a refused action is worth trying again', () => {
  const refusal = (code?: 'not_found' | 'forbidden' | 'stale' | 'conflict') => ({
    ok: false as const,
    error: 'Refused.',
    code,
  });

  it('offers no retry when the role refuses it or the record is gone', () => {
    expect(mayRetry(refusal('forbidden'))).toBe(false);
    expect(mayRetry(refusal('not_found'))).toBe(false);
  });

  it('lets the user try again before any answer, after a success, and after other refusals', () => {
    expect(mayRetry(null)).toBe(true);
    expect(mayRetry({ ok: true, data: null })).toBe(true);
    expect(mayRetry(refusal('stale'))).toBe(true);
    expect(mayRetry(refusal('conflict'))).toBe(true);
    expect(mayRetry(refusal())).toBe(true);
  });
});

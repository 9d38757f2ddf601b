import { describe, expect, it } from 'vitest';
import { keptAnswers } from '@/lib/kept-answers';

describe('keptAnswers', () => {
  it('computes each key once, and starts afresh once the limit is reached', () => {
    const computed: string[] = [];
    const kept = keptAnswers<string>(2);
    const answer = (key: string) =>
      kept(key, () => {
        computed.push(key);
        return key.toUpperCase();
      });
    expect([answer('a'), answer('b'), answer('a')]).toEqual(['A', 'B', 'A']);
    expect(computed).toEqual(['a', 'b']);
    expect(answer('c')).toBe('C');
    expect(answer('a')).toBe('A');
    expect(computed).toEqual(['a', 'b', 'c', 'a']);
  });

  it('keeps nothing when the computation throws', () => {
    const kept = keptAnswers<number>(10);
    expect(() =>
      kept('bad', () => {
        throw new RangeError('invalid time zone');
      }),
    ).toThrow(RangeError);
    expect(kept('bad', () => 1)).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { hasChanges, textDiff } from '@/lib/text-diff';

describe('textDiff', () => {
  it('is one unchanged segment for equal texts', () => {
    const segments = textDiff('# Title\n\nSame.\n', '# Title\n\nSame.\n');
    expect(segments).toEqual([{ kind: 'same', text: '# Title\n\nSame.\n' }]);
    expect(hasChanges(segments)).toBe(false);
  });

  it('shows a replaced word inside a changed line, not the whole line', () => {
    expect(
      textDiff(
        'Intro\nWe offer a fast service.\nEnd\n',
        'Intro\nWe offer a reliable service.\nEnd\n',
      ),
    ).toEqual([
      { kind: 'same', text: 'Intro\nWe offer a ' },
      { kind: 'removed', text: 'fast' },
      { kind: 'added', text: 'reliable' },
      { kind: 'same', text: ' service.\nEnd\n' },
    ]);
  });

  it('shows whole added and removed lines', () => {
    expect(textDiff('a\nb\nc\n', 'a\nc\nd\n')).toEqual([
      { kind: 'same', text: 'a\n' },
      { kind: 'removed', text: 'b\n' },
      { kind: 'same', text: 'c\n' },
      { kind: 'added', text: 'd\n' },
    ]);
  });

  it('handles empty texts on either side', () => {
    expect(textDiff('', 'New body')).toEqual([{ kind: 'added', text: 'New body' }]);
    expect(textDiff('Old body', '')).toEqual([{ kind: 'removed', text: 'Old body' }]);
    expect(textDiff('', '')).toEqual([]);
  });

  it('keeps every character of both texts: same+removed is the older, same+added the newer', () => {
    const older = '# Offer\n\n- Discovery\n- Design sprint\n\nTotal: {{deal.amount}}\n';
    const newer =
      '# Our offer\n\n- Discovery workshop\n- Design sprint\n- Launch\n\nTotal: {{deal.amount}}\n';
    const segments = textDiff(older, newer);
    const join = (kinds: string[]) =>
      segments
        .filter((segment) => kinds.includes(segment.kind))
        .map((segment) => segment.text)
        .join('');
    expect(join(['same', 'removed'])).toBe(older);
    expect(join(['same', 'added'])).toBe(newer);
    expect(hasChanges(segments)).toBe(true);
    // Adjacent segments never share a kind.
    segments
      .slice(1)
      .forEach((segment, index) => expect(segment.kind).not.toBe(segments[index]?.kind));
  });
});

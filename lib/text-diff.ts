import { diffLines, diffWordsWithSpace, type ChangeObject } from 'diff';

type DiffSegmentKind = 'same' | 'added' | 'removed';

/** A run of text that both versions share, or that only the newer (added) or older (removed) has. */
export type DiffSegment = { kind: DiffSegmentKind; text: string };

function kindOf(change: ChangeObject<string>): DiffSegmentKind {
  if (change.added) return 'added';
  if (change.removed) return 'removed';
  return 'same';
}

/**
 * The difference between two texts as segments in reading order. Lines are compared first; where
 * lines were replaced, the words inside them are compared so a one-word edit shows as one word.
 * Adjacent segments of the same kind are joined.
 */
export function textDiff(older: string, newer: string): DiffSegment[] {
  const segments: DiffSegment[] = [];
  const push = (kind: DiffSegmentKind, text: string) => {
    if (!text) return;
    const last = segments.at(-1);
    if (last?.kind === kind) last.text += text;
    else segments.push({ kind, text });
  };
  const changes = diffLines(older, newer);
  for (let index = 0; index < changes.length; index += 1) {
    const change = changes[index] as ChangeObject<string>;
    const next = changes[index + 1];
    if (change.removed && next?.added) {
      for (const word of diffWordsWithSpace(change.value, next.value)) {
        push(kindOf(word), word.value);
      }
      index += 1;
    } else {
      push(kindOf(change), change.value);
    }
  }
  return segments;
}

/** Whether two texts differ at all, from their segments. */
export function hasChanges(segments: DiffSegment[]) {
  return segments.some((segment) => segment.kind !== 'same');
}

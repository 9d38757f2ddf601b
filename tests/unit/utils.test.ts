import { describe, expect, it } from 'vitest';
import { buttonClasses } from '@/components/ui/button';
import { cn, searchShortcutHint, truncate } from '@/lib/utils';

describe('cn', () => {
  it('lets a passed class win over the base class it conflicts with', () => {
    expect(cn('rounded px-3 py-2', 'px-2')).toBe('rounded py-2 px-2');
    expect(buttonClasses('ghost', 'px-2 py-1 text-xs')).not.toMatch(/\bpx-3\b|\bpy-2\b|text-sm/);
  });

  it('keeps classes that only look alike, such as a text size and a text colour', () => {
    expect(cn('text-sm', 'text-brand-700')).toBe('text-sm text-brand-700');
  });

  it('skips falsy values and reads conditional objects', () => {
    expect(cn('block', false, null, undefined, { hidden: false, 'font-semibold': true })).toBe(
      'block font-semibold',
    );
  });
});

describe('truncate', () => {
  it('cuts long text with an ellipsis and leaves short text alone', () => {
    expect(truncate('Harbor & Sons', 6)).toBe('Harbo…');
    expect(truncate('Harbor', 6)).toBe('Harbor');
  });
});

describe('searchShortcutHint', () => {
  it('reads ⌘K on Apple devices, Ctrl K elsewhere, and nothing on touch screens', () => {
    expect(searchShortcutHint({ platform: 'MacIntel', coarsePointer: false })).toBe('⌘K');
    expect(searchShortcutHint({ platform: 'Win32', coarsePointer: false })).toBe('Ctrl K');
    expect(searchShortcutHint({ platform: 'Linux x86_64', coarsePointer: false })).toBe('Ctrl K');
    expect(searchShortcutHint({ platform: 'iPhone', coarsePointer: true })).toBeNull();
    expect(searchShortcutHint({ platform: 'Linux armv8l', coarsePointer: true })).toBeNull();
  });
});

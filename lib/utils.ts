import { clsx, type ClassValue } from 'clsx';
import { twMerge } from 'tailwind-merge';

/** Joins class names, skipping the falsy ones; a later Tailwind class wins over an earlier one it conflicts with. */
export function cn(...classes: ClassValue[]) {
  return twMerge(clsx(classes));
}

/** Cuts `text` to at most `max` characters, ending with "…" when it was longer. */
export function truncate(text: string, max: number) {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * The hint beside the search button for Ctrl/Cmd+K: ⌘K on Apple devices, Ctrl K elsewhere, and
 * none where the main pointer is a finger (a phone or tablet has no such key to press).
 */
export function searchShortcutHint(device: { platform: string; coarsePointer: boolean }) {
  if (device.coarsePointer) return null;
  return /Mac|iPhone|iPad|iPod/i.test(device.platform) ? '⌘K' : 'Ctrl K';
}

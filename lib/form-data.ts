import { z } from 'zod';
import type { ActionResult } from './action-result';

// Fields never echoed back into a form after an error.
const secretFields = /password$|^token$/i;

// React names the hidden fields of a server-rendered form `$ACTION_…` and, with JS on, sends them
// along; no public API strips them (tests/unit/next-internals.test.ts fails if the prefix changes).
const reactActionField = '$ACTION_';

/**
 * `value` with every U+0000 dropped from its strings, however deep. PostgreSQL text cannot hold
 * one, and a query carrying one fails whole (a 500), so nothing a browser sends keeps it.
 */
export function withoutNulCharacters<T>(value: T): T {
  if (typeof value === 'string') return value.replaceAll('\u0000', '') as T;
  if (Array.isArray(value)) return value.map(withoutNulCharacters) as T;
  const prototype = value !== null && typeof value === 'object' && Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  // fromEntries defines keys such as `__proto__` as plain fields: nothing reaches a prototype.
  return Object.fromEntries(
    Object.entries(value as object).map(([key, field]) => [key, withoutNulCharacters(field)]),
  ) as T;
}

/** FormData as a plain object of strings; files and Next's internal fields are left out. */
export function formDataToObject(formData: FormData): Record<string, string> {
  const object: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !key.startsWith(reactActionField)) object[key] = value;
  }
  return object;
}

/** What a form shows again after an error: what was typed, less any secret. */
export function echoedValues(raw: unknown): Record<string, string> | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === 'string' && !secretFields.test(key) && !key.startsWith(reactActionField)) {
      values[key] = value;
    }
  }
  return values;
}

/** The failure for input a schema refused: field errors plus the values to show again. */
export function invalidInput(
  error: z.ZodError,
  raw: unknown,
): Extract<ActionResult<never>, { ok: false }> {
  return {
    ok: false,
    error: 'Check the highlighted fields.',
    fieldErrors: z.flattenError(error).fieldErrors as Record<string, string[]>,
    values: echoedValues(raw),
  };
}

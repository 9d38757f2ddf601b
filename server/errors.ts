import 'server-only';

import type { ActionErrorCode, FieldErrors } from '@/lib/action-result';

/**
 * An expected failure (refused, invalid, stale): thrown inside an action's transaction so the
 * transaction rolls back, then returned to the browser as a typed result by server/action.ts.
 */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: FieldErrors,
    readonly code?: ActionErrorCode,
  ) {
    super(message);
    this.name = 'ActionError';
  }
}

/** The optimistic-concurrency refusal: the version the form read is no longer current. */
export function staleRecord(noun: string) {
  return new ActionError(
    `This ${noun} was changed by someone else. Reload to see their changes, then make yours again.`,
    undefined,
    'stale',
  );
}

/** The record is gone, or the user may not see it: both read the same, so hidden records stay hidden. */
export function notFound(noun: string) {
  return new ActionError(
    `This ${noun} no longer exists or is not visible to you.`,
    undefined,
    'not_found',
  );
}

/** The role or a record rule refuses this change. */
export function forbidden(message = 'You do not have permission to do that.') {
  return new ActionError(message, undefined, 'forbidden');
}

/** The change clashes with the record's state or with another record. */
export function conflict(message: string, fieldErrors?: FieldErrors) {
  return new ActionError(message, fieldErrors, 'conflict');
}

/** Whether a database error is PostgreSQL's unique_violation (23505), however the driver wraps it. */
export function isUniqueViolation(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  if ('code' in error && error.code === '23505') return true;
  return 'cause' in error && isUniqueViolation(error.cause);
}

import 'server-only';

import type { FieldErrors } from '@/lib/action-result';

/**
 * An expected failure (refused, invalid, stale): thrown inside an action's transaction so the
 * transaction rolls back, then returned to the browser as a typed result by server/action.ts.
 */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: FieldErrors,
  ) {
    super(message);
    this.name = 'ActionError';
  }
}

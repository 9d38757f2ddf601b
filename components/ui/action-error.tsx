import type { ActionResult } from '@/lib/action-result';
import { FormError } from './form-message';
import { GoneNotice } from './gone-notice';
import { StaleNotice } from './stale-notice';

/**
 * The form-level error of an action result, by its code: a reload offer for a stale record, the
 * way back for one that is gone, else the message (a refusal the user cannot fix by retrying).
 */
export function ActionError({
  state,
  onReload,
}: {
  state: ActionResult<unknown> | null;
  onReload?: () => void;
}) {
  if (!state || state.ok) return null;
  if (state.code === 'stale') return <StaleNotice message={state.error} onReload={onReload} />;
  if (state.code === 'not_found') return <GoneNotice message={state.error} />;
  return <FormError message={state.error} />;
}

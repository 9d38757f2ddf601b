import type { ActionResult } from '@/lib/action-result';
import { FormError } from './form-message';
import { StaleNotice } from './stale-notice';

/** The form-level error of an action result: a reload offer for stale records, else the message. */
export function ActionError({
  state,
  onReload,
}: {
  state: ActionResult<unknown> | null;
  onReload?: () => void;
}) {
  if (!state || state.ok) return null;
  if (state.code === 'stale') return <StaleNotice message={state.error} onReload={onReload} />;
  return <FormError message={state.error} />;
}

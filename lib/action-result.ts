export type FieldErrors = Record<string, string[] | undefined>;

/**
 * Why an expected failure happened, for the UI and tests to branch on (the message is for people):
 * `not_found` the record is gone or hidden from the user; `forbidden` the role or record rule
 * refuses it; `stale` someone else saved the record since it was read; `conflict` the change
 * clashes with the record's state or another record (a taken name, a closed proposal).
 */
export type ActionErrorCode = 'not_found' | 'forbidden' | 'stale' | 'conflict';

/** What every server action returns: data, or an expected failure the form can show. */
export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      error: string;
      fieldErrors?: FieldErrors;
      values?: Record<string, string>;
      /** `stale`: the form offers a reload; see ActionErrorCode for the others. */
      code?: ActionErrorCode;
    };

/** Whether trying the same action again could succeed: never when refused or when the record is gone. */
export function mayRetry(state: ActionResult<unknown> | null) {
  return !(state?.ok === false && (state.code === 'forbidden' || state.code === 'not_found'));
}

export type FormAction<T> = (
  previous: ActionResult<T> | null,
  formData: FormData,
) => Promise<ActionResult<T>>;

/**
 * What a form shows after `state`: what was typed over `saved` when the save was refused, but the
 * saved values after a stale refusal, since what was typed was written over an older record.
 */
export function formValuesAfter<TSaved extends object>(
  state: ActionResult<unknown> | null,
  saved: TSaved,
): TSaved {
  return state?.ok === false && state.code !== 'stale' ? { ...saved, ...state.values } : saved;
}

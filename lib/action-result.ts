export type FieldErrors = Record<string, string[] | undefined>;

/** What every server action returns: data, or an expected failure the form can show. */
export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      error: string;
      fieldErrors?: FieldErrors;
      values?: Record<string, string>;
      /** `stale`: someone else saved the record since it was read; the form offers a reload. */
      code?: 'stale';
    };

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

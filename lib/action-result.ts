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

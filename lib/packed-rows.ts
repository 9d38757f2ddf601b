/**
 * A page of list rows as its field names once and a tuple of values per row, for the server page
 * to hand its client table: as objects, each of the 50 rows repeated every field name in the
 * page's inlined payload, a sixth of a list's first load.
 */
export type PackedRows<TRow> = {
  keys: (keyof TRow & string)[];
  values: unknown[][];
};

/** Packs rows that share their fields (the rows of one query): the first row names them. */
export function packRows<TRow extends object>(rows: readonly TRow[]): PackedRows<TRow> {
  const keys = rows[0] ? (Object.keys(rows[0]) as (keyof TRow & string)[]) : [];
  return { keys, values: rows.map((row) => keys.map((key) => row[key])) };
}

export function unpackRows<TRow>({ keys, values }: PackedRows<TRow>): TRow[] {
  return values.map(
    (tuple) => Object.fromEntries(keys.map((key, index) => [key, tuple[index]])) as TRow,
  );
}

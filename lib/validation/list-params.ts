import { z } from 'zod';
import { withoutNulCharacters } from '../form-data';

export const pageSizes = [10, 25, 50, 100] as const;

/** URL parameters that are a list's own state (paging, sorting, columns, a saved view), not a filter. */
export const listStateParams = new Set(['page', 'size', 'sort', 'dir', 'hide', 'view']);

/**
 * The URL state every list shares: page (1-based), page size, sort column and direction. The sort
 * column is checked against the list's own allow-list, so nothing from the URL reaches SQL as is.
 */
export function listParamsSchema<const TSort extends readonly [string, ...string[]]>(
  sortColumns: TSort,
  defaults: { sort: TSort[number]; dir: 'asc' | 'desc' },
) {
  return z.object({
    page: z.coerce.number().int().min(1).max(100_000).catch(1),
    size: z.coerce
      .number()
      .int()
      .refine((size) => (pageSizes as readonly number[]).includes(size))
      .catch(25),
    sort: z.enum(sortColumns).catch(defaults.sort),
    dir: z.enum(['asc', 'desc']).catch(defaults.dir),
  });
}

/** Flattens Next's `searchParams` (string | string[] | undefined) to the first value of each, NUL-free. */
export function firstValues(
  searchParams: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(searchParams)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first !== '') values[key] = withoutNulCharacters(first);
  }
  return values;
}

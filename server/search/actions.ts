'use server';

import { withoutNulCharacters } from '@/lib/form-data';
import { searchQuerySchema, type SearchGroup } from '@/lib/search';
import { getUserForRoute } from '@/server/auth/session';
import { searchEverything } from './queries';

/** The palette's query: signed-in users only; too short or too long a query finds nothing. */
export async function search(query: string): Promise<SearchGroup[]> {
  // Nothing opens to someone still on a temporary password.
  const user = await getUserForRoute();
  const parsed = searchQuerySchema.safeParse(withoutNulCharacters(query));
  if (!user || !parsed.success) return [];
  return searchEverything(user, parsed.data);
}

'use server';

import { withoutNulCharacters } from '@/lib/form-data';
import { searchQuerySchema, type SearchGroup } from '@/lib/search';
import { can } from '@/server/auth/permissions';
import { getUserForRoute } from '@/server/auth/session';
import { findVisibleClients } from '@/server/clients/queries';
import { searchEverything } from './queries';

/** The palette's query: signed-in users only; too short or too long a query finds nothing. */
export async function search(query: string): Promise<SearchGroup[]> {
  // Nothing opens to someone still on a temporary password.
  const user = await getUserForRoute();
  const parsed = searchQuerySchema.safeParse(withoutNulCharacters(query));
  if (!user || !parsed.success) return [];
  return searchEverything(user, parsed.data);
}

/** The list toolbars' client picker: up to ten clients the user may see whose name holds `query`. */
export async function searchClientChoices(query: string): Promise<{ id: string; name: string }[]> {
  const user = await getUserForRoute();
  const parsed = searchQuerySchema.safeParse(withoutNulCharacters(query));
  if (!user || !parsed.success || !can(user, 'clients.read')) return [];
  const found = await findVisibleClients(user, parsed.data, 10);
  return found.map(({ id, name }) => ({ id, name }));
}

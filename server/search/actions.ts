'use server';

import { withoutNulCharacters } from '@/lib/form-data';
import { searchQuerySchema, type SearchGroup } from '@/lib/search';
import { can } from '@/server/auth/permissions';
import { getUserForRoute } from '@/server/auth/session';
import { findVisibleClients, type ClientChoice } from '@/server/clients/queries';
import { searchEverything } from './queries';

/** The palette's query: signed-in users only; too short or too long a query finds nothing. */
export async function search(query: string): Promise<SearchGroup[]> {
  // Nothing opens to someone still on a temporary password.
  const user = await getUserForRoute();
  const parsed = searchQuerySchema.safeParse(withoutNulCharacters(query));
  if (!user || !parsed.success) return [];
  return searchEverything(user, parsed.data);
}

/**
 * Every client picker (the list toolbars' client filter, the new deal's client, the calendar's
 * client adder): up to ten clients the user may see whose name holds `query`, by name.
 */
export async function searchClientChoices(query: string): Promise<ClientChoice[]> {
  // Nothing opens to someone still on a temporary password.
  const user = await getUserForRoute();
  const parsed = searchQuerySchema.safeParse(withoutNulCharacters(query));
  if (!user || !parsed.success || !can(user, 'clients.read')) return [];
  return findVisibleClients(user, parsed.data, 10);
}

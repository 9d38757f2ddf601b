import 'server-only';
import type { SearchGroup } from '@/lib/search';
import type { CurrentUser } from '@/server/auth/session';
import { searchProviders } from './providers';

/** Runs every provider at once and keeps the groups that found something. */
export async function searchEverything(
  viewer: CurrentUser,
  query: string,
  limit = 5,
): Promise<SearchGroup[]> {
  const groups = await Promise.all(
    searchProviders.map(async (provider) => ({
      label: provider.label,
      hits: await provider.search(viewer, query, limit),
    })),
  );
  return groups.filter((group) => group.hits.length > 0);
}

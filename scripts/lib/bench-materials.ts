import { isNotNull } from 'drizzle-orm';
import { db } from '@/db/client';
import { materials } from '@/db/schema';
import { materialLibrarySchema, materialListSchema } from '@/lib/validation/materials';
import type { CurrentUser } from '@/server/auth/session';
import { listMaterials, searchMaterialLibrary } from '@/server/materials/queries';

/**
 * The materials list by default, overdue and for one campaign (the campaign page's panel reads
 * the same rows), and the library browsed and searched by text.
 */
export async function materialBenchScenarios(manager: CurrentUser) {
  const [withCampaign] = await db
    .select({ campaignId: materials.campaignId })
    .from(materials)
    .where(isNotNull(materials.campaignId))
    .limit(1);
  const lists: [string, Record<string, string>][] = [
    ['materials list (default)', {}],
    ['materials list (overdue)', { due: 'overdue' }],
  ];
  if (withCampaign?.campaignId) {
    lists.push(['materials list (one campaign)', { campaign: withCampaign.campaignId }]);
  }
  const library: [string, Record<string, string>][] = [
    ['materials library (all ready)', {}],
    ['materials library (search "launch", presentations)', { q: 'launch', kind: 'presentation' }],
  ];
  return [
    ...lists.map(([name, params]) => ({
      name,
      request: { path: `/materials?${new URLSearchParams(params)}` },
      run: () => listMaterials(manager, materialListSchema.parse(params), new Date()),
      list: true,
    })),
    ...library.map(([name, params]) => ({
      name,
      request: { path: `/materials/library?${new URLSearchParams(params)}` },
      run: () => searchMaterialLibrary(manager, materialLibrarySchema.parse(params)),
      list: true,
    })),
  ];
}

import { materialLibrarySchema, materialListSchema } from '@/lib/validation/materials';
import type { CurrentUser } from '@/server/auth/session';
import { listMaterials, searchMaterialLibrary } from '@/server/materials/queries';

/** The materials list by default and overdue, and the library browsed and searched by text. */
export function materialBenchScenarios(manager: CurrentUser) {
  const lists: [string, Record<string, string>][] = [
    ['materials list (default)', {}],
    ['materials list (overdue)', { due: 'overdue' }],
  ];
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

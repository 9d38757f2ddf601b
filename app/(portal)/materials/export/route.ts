import { firstValues } from '@/lib/validation/list-params';
import { selectedIdsSchema } from '@/lib/bulk';
import { csvDateTime, csvResponse } from '@/lib/csv';
import {
  materialKindLabels,
  materialStatusLabels,
  type MaterialKind,
  type MaterialStatus,
} from '@/lib/materials';
import { materialListSchema } from '@/lib/validation/materials';
import { can } from '@/server/auth/permissions';
import { getUserForRoute } from '@/server/auth/session';
import { streamMaterials } from '@/server/materials/queries';

const headerFor = (timeZone: string) => [
  'Title',
  'Kind',
  'Status',
  'Client',
  'Deal',
  'Campaign',
  'Assignee',
  'Due',
  'Tags',
  `Updated (${timeZone})`,
];

async function* materialCsvRows(rows: ReturnType<typeof streamMaterials>, timeZone: string) {
  for await (const row of rows) {
    yield [
      row.title,
      materialKindLabels[row.kind as MaterialKind],
      materialStatusLabels[row.status as MaterialStatus],
      row.clientName,
      row.dealName,
      row.campaignName,
      row.assigneeName,
      row.dueDate,
      row.tags,
      csvDateTime(row.updatedAt, timeZone),
    ];
  }
}

/** Every material matching the list's filters (or only the ticked ones, `ids`), as streamed CSV. */
export async function GET(request: Request) {
  const viewer = await getUserForRoute();
  if (!viewer) return new Response('Sign in to export materials.', { status: 401 });
  if (!can(viewer, 'clients.read'))
    return new Response('You do not have access to materials.', { status: 403 });
  const query = new URL(request.url).searchParams;
  const params = materialListSchema.parse(firstValues(Object.fromEntries(query)));
  const ids = query.has('ids') ? selectedIdsSchema.safeParse(query.get('ids')) : null;
  if (ids && !ids.success) return new Response('Select at most 100 materials.', { status: 400 });
  return csvResponse(
    'materials',
    headerFor(viewer.timeZone),
    materialCsvRows(streamMaterials(viewer, params, new Date(), ids?.data), viewer.timeZone),
    viewer.timeZone,
  );
}

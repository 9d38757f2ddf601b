import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { calendarDateIn, formatDate, viewerFormat } from '@/lib/format';
import { isMaterialOverdue, materialKindLabels } from '@/lib/materials';
import type { CurrentUser } from '@/server/auth/session';
import { listRecordMaterials } from '@/server/materials/queries';
import { MaterialStatusBadge } from './material-badges';

type PanelRecord =
  | { clientId: string }
  | { clientId: string; dealId: string }
  | { clientId: string; campaignId: string };

/** Which materials the panel lists, and the request form's prefill for another one. */
function panelTarget(record: PanelRecord) {
  if ('dealId' in record) {
    return { of: { dealId: record.dealId }, requestHref: `/materials/new?dealId=${record.dealId}` };
  }
  if ('campaignId' in record) {
    return {
      of: { campaignId: record.campaignId },
      requestHref: `/materials/new?clientId=${record.clientId}&campaignId=${record.campaignId}`,
    };
  }
  return {
    of: { clientId: record.clientId },
    requestHref: `/materials/new?clientId=${record.clientId}`,
  };
}

/** The materials of a client, a deal or a campaign, newest first, with a link to request another. */
export async function MaterialsPanel({
  viewer,
  record,
}: {
  viewer: CurrentUser;
  record: PanelRecord;
}) {
  const { of, requestHref } = panelTarget(record);
  const items = await listRecordMaterials(viewer, of);
  const format = viewerFormat(viewer);
  const today = calendarDateIn(viewer.timeZone);
  return (
    <Card
      title="Materials"
      actions={
        <Link href={requestHref} className="text-sm font-medium text-brand-700 hover:underline">
          Request material
        </Link>
      }
    >
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">No materials requested yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {items.map((item) => (
            <li key={item.id} className="space-y-1 py-2 text-sm">
              <div className="flex flex-wrap items-center gap-2">
                <MaterialStatusBadge status={item.status} />
                <span className="text-xs text-slate-600">{materialKindLabels[item.kind]}</span>
              </div>
              <Link
                href={`/materials/${item.id}`}
                className="block break-words text-brand-700 hover:underline"
              >
                {item.title}
              </Link>
              <p className="text-xs text-slate-600">
                {item.assigneeName ?? 'Nobody yet'}
                {item.dueDate ? ` · due ${formatDate(item.dueDate, format)}` : ''}
                {isMaterialOverdue(item, today) ? ' · overdue' : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

import { Card } from '@/components/ui/card';
import { dealStageLabels } from '@/lib/deals';
import { formatDateTime, type ViewerFormat } from '@/lib/format';
import type { DealDetail } from '@/server/deals/queries';

/** Every stage change of a deal, newest first: who, when, from and to. */
export function StageHistory({
  history,
  viewer,
}: {
  history: DealDetail['history'];
  viewer: ViewerFormat;
}) {
  return (
    <Card title="Stage history">
      {history.length === 0 ? (
        <p className="text-sm text-slate-600">No stage changes recorded yet.</p>
      ) : (
        <ol className="space-y-3">
          {history.map((change) => (
            <li key={change.id} className="text-sm">
              <p className="font-medium text-slate-900">
                {change.fromStage
                  ? `${dealStageLabels[change.fromStage]} → ${dealStageLabels[change.toStage]}`
                  : `Created in ${dealStageLabels[change.toStage]}`}
              </p>
              <p className="text-xs text-slate-600">
                {change.actorName ?? 'Someone no longer here'} ·{' '}
                <time dateTime={change.changedAt.toISOString()}>
                  {formatDateTime(change.changedAt, viewer)}
                </time>
              </p>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

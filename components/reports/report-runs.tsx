import { formatDateTime, type ViewerFormat } from '@/lib/format';
import { reportCatalog } from '@/lib/report-catalog';
import type { ReportRunRow } from '@/server/reports/runs';

/** Filed runs of reports, newest first, each a link to its document. */
export function ReportRuns({
  runs,
  viewer,
  showReport = false,
}: {
  runs: ReportRunRow[];
  viewer: ViewerFormat;
  showReport?: boolean;
}) {
  if (runs.length === 0) {
    return (
      <p className="text-sm text-slate-600">Nothing filed yet. File this report to keep it.</p>
    );
  }
  return (
    <ul className="divide-y divide-slate-100 text-sm">
      {runs.map((run) => (
        <li key={run.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
          <span>
            {run.documentId ? (
              <a
                href={`/documents/${run.documentId}`}
                className="text-brand-700 font-medium break-all underline-offset-2 hover:underline"
              >
                {run.documentName}
              </a>
            ) : (
              <span className="text-slate-500">File deleted</span>
            )}
            {showReport ? (
              <span className="text-slate-600"> · {reportCatalog[run.report].title}</span>
            ) : null}
          </span>
          <span className="text-slate-600">
            {run.scheduleId ? 'Scheduled' : (run.runByName ?? 'Someone')} ·{' '}
            {formatDateTime(run.runAt, viewer)}
          </span>
        </li>
      ))}
    </ul>
  );
}

import { Card } from '@/components/ui/card';
import { Markdown } from '@/components/ui/markdown';
import { formatDateTime, formatMoney, type ViewerFormat } from '@/lib/format';
import type { ProposalPage } from '@/server/proposals/queries';
import { VersionCompare } from './version-compare';

/** Every submitted or sent version, newest first, each readable in full. */
export function ProposalVersions({
  versions,
  viewer,
}: {
  versions: ProposalPage['versions'];
  viewer: ViewerFormat;
}) {
  return (
    <Card title="Versions">
      {versions.length === 0 ? (
        <p className="text-sm text-slate-600">
          A version is kept each time the proposal is submitted.
        </p>
      ) : (
        <div className="space-y-6">
          {versions.length > 1 ? <VersionCompare versions={versions} /> : null}
          <ul className="divide-y divide-slate-100">
            {versions.map((version) => (
              <li key={version.number} className="py-2">
                <details>
                  <summary className="cursor-pointer text-sm">
                    <span className="font-medium">Version {version.number}</span> ·{' '}
                    {formatMoney(version.amountCents, version.currency, viewer.locale)} ·{' '}
                    {version.createdByName ?? 'a former user'} ·{' '}
                    <span className="text-slate-500">
                      {formatDateTime(version.createdAt, viewer)}
                    </span>
                  </summary>
                  <div className="mt-3 rounded-md border border-slate-200 p-4">
                    <Markdown>{version.body}</Markdown>
                  </div>
                </details>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Card>
  );
}

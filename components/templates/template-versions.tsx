import { VersionDiff } from '@/components/proposals/version-diff';
import { Markdown } from '@/components/ui/markdown';
import { formatDateTime, type ViewerFormat } from '@/lib/format';

type PublishedVersion = {
  number: number;
  name: string;
  body: string;
  publishedAt: Date;
  publishedByName: string | null;
};

/** Every published version of a template, newest first, each openable to read what it said and
 * what changed since the one before. */
export function TemplateVersions({
  versions,
  viewer,
}: {
  versions: PublishedVersion[];
  viewer: ViewerFormat;
}) {
  if (versions.length === 0) {
    return <p className="text-sm text-slate-600">No version has been published yet.</p>;
  }
  return (
    <ol className="divide-y divide-slate-100" aria-label="Published versions">
      {versions.map((version, index) => {
        const previous = versions[index + 1];
        return (
          <li key={version.number} className="py-2">
            <details>
              <summary className="cursor-pointer text-sm">
                <span className="font-medium text-slate-900">Version {version.number}</span>{' '}
                <span className="text-slate-600">
                  · {formatDateTime(version.publishedAt, viewer)}
                  {version.publishedByName ? ` · ${version.publishedByName}` : ''}
                </span>
              </summary>
              <div className="mt-2 rounded-md border border-slate-200 bg-slate-50 p-3">
                <p className="mb-2 text-sm font-medium text-slate-900">{version.name}</p>
                <Markdown>{version.body}</Markdown>
              </div>
              {previous ? (
                <div className="mt-3">
                  <VersionDiff
                    older={previous.body}
                    newer={version.body}
                    olderLabel={`version ${previous.number}`}
                    newerLabel={`version ${version.number}`}
                  />
                </div>
              ) : null}
            </details>
          </li>
        );
      })}
    </ol>
  );
}

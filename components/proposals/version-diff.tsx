import { hasChanges, textDiff } from '@/lib/text-diff';

/**
 * A readable difference between two versions of a text: added words in green and underlined,
 * removed words in red and struck through, each also announced as "added" or "removed" to screen
 * readers, so nothing is told by colour alone.
 */
export function VersionDiff({
  older,
  newer,
  olderLabel,
  newerLabel,
}: {
  older: string;
  newer: string;
  olderLabel: string;
  newerLabel: string;
}) {
  const segments = textDiff(older, newer);
  return (
    <figure className="space-y-2">
      <figcaption className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-700">
        <span className="font-medium text-slate-900">
          Changes from {olderLabel} to {newerLabel}
        </span>
        <span className="rounded bg-emerald-50 px-1 text-emerald-900 underline">added</span>
        <span className="rounded bg-red-50 px-1 text-red-900 line-through">removed</span>
      </figcaption>
      {hasChanges(segments) ? (
        <div className="rounded-md border border-slate-200 bg-white p-3 font-mono text-sm leading-6 break-words whitespace-pre-wrap text-slate-800">
          {segments.map((segment, index) => {
            if (segment.kind === 'added') {
              return (
                <ins key={index} className="rounded bg-emerald-50 text-emerald-900">
                  <span className="sr-only">[added: </span>
                  {segment.text}
                  <span className="sr-only">]</span>
                </ins>
              );
            }
            if (segment.kind === 'removed') {
              return (
                <del key={index} className="rounded bg-red-50 text-red-900">
                  <span className="sr-only">[removed: </span>
                  {segment.text}
                  <span className="sr-only">]</span>
                </del>
              );
            }
            return <span key={index}>{segment.text}</span>;
          })}
        </div>
      ) : (
        <p className="text-sm text-slate-600">
          {olderLabel} and {newerLabel} are the same.
        </p>
      )}
    </figure>
  );
}

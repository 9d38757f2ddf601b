import Link from 'next/link';
import type { ReadinessGap } from '@/lib/proposal-readiness';

/** What still keeps the draft from being submitted or sent, each with where to fill it. */
export function ReadinessList({
  gaps,
  clientHref,
  dealHref,
}: {
  gaps: ReadinessGap[];
  clientHref: string;
  dealHref: string | null;
}) {
  if (gaps.length === 0) {
    return (
      <p className="text-sm text-emerald-800">
        Ready: every merge field is filled and the amount is set.
      </p>
    );
  }
  const links = { client: clientHref, deal: dealHref } as const;
  return (
    <section
      aria-labelledby="readiness-title"
      className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950"
    >
      <h3 id="readiness-title" className="font-medium">
        Missing before this can be submitted or sent
      </h3>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        {gaps.map((gap) => {
          const href = gap.fixOn === 'draft' ? null : links[gap.fixOn];
          return (
            <li key={gap.message}>
              {gap.message}
              {href ? (
                <>
                  {' '}
                  <Link href={href} className="font-medium text-brand-700 underline">
                    Open the {gap.fixOn}
                  </Link>
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

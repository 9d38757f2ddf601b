import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';
import { Input } from '@/components/ui/field';

/**
 * The first step of a new record for a client (an invoice, a campaign): find the client by name,
 * then follow its link, which names it in the address (`hrefFor`).
 */
export function ClientSearchStep({
  query,
  matches,
  hrefFor,
}: {
  query: string | undefined;
  matches: { id: string; name: string }[];
  hrefFor: (clientId: string) => string;
}) {
  return (
    <>
      <form role="search" className="flex max-w-xl gap-2">
        <label htmlFor="q" className="sr-only">
          Client name
        </label>
        <Input id="q" name="q" defaultValue={query ?? ''} placeholder="Client name" />
        <button type="submit" className={buttonClasses('secondary')}>
          Find
        </button>
      </form>
      {query ? (
        <ul className="mt-4 divide-y divide-slate-100" aria-label="Matching clients">
          {matches.length === 0 ? (
            <li className="py-2 text-sm text-slate-600">No client matches “{query}”.</li>
          ) : (
            matches.map((match) => (
              <li key={match.id} className="py-2 text-sm">
                <Link
                  href={hrefFor(match.id)}
                  className="font-medium text-brand-700 hover:underline"
                >
                  {match.name}
                </Link>
              </li>
            ))
          )}
        </ul>
      ) : null}
    </>
  );
}

import Link from 'next/link';

const views = [
  { href: '/pipeline', label: 'Table' },
  { href: '/pipeline/board', label: 'Board' },
] as const;

/** The switch between the pipeline's table and board; the filters travel along. */
export function PipelineTabs({ current, query }: { current: 'Table' | 'Board'; query: string }) {
  return (
    <nav aria-label="Pipeline view" className="view-tabs">
      <ul>
        {views.map((view) => (
          <li key={view.href}>
            <Link
              href={query ? `${view.href}?${query}` : view.href}
              aria-current={current === view.label ? 'page' : undefined}
            >
              {view.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

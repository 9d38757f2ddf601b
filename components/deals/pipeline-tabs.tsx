import Link from 'next/link';
import { cn } from '@/lib/utils';

const views = [
  { href: '/pipeline', label: 'Table' },
  { href: '/pipeline/board', label: 'Board' },
] as const;

/** The switch between the pipeline's table and board; the filters travel along. */
export function PipelineTabs({ current, query }: { current: 'Table' | 'Board'; query: string }) {
  return (
    <nav aria-label="Pipeline view" className="mb-4">
      <ul className="inline-flex rounded-md border border-slate-300 bg-white p-0.5">
        {views.map((view) => (
          <li key={view.href}>
            <Link
              href={query ? `${view.href}?${query}` : view.href}
              aria-current={current === view.label ? 'page' : undefined}
              className={cn(
                'block rounded px-4 py-1.5 text-sm font-medium',
                current === view.label
                  ? 'bg-brand-600 text-white'
                  : 'text-slate-700 hover:bg-slate-100',
              )}
            >
              {view.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { listStateParams } from '@/lib/validation/list-params';

const views = [
  { href: '/pipeline', label: 'Table' },
  { href: '/pipeline/board', label: 'Board' },
] as const;

/** The switch between the pipeline's table and board; the filters travel along. */
export function PipelineTabs({ current }: { current: 'Table' | 'Board' }) {
  const filters = new URLSearchParams(useSearchParams());
  for (const key of listStateParams) filters.delete(key);
  const query = filters.toString();
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

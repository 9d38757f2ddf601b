'use client';

import { Star, Users } from 'lucide-react';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useMemo, useState, useTransition } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { cn } from '@/lib/utils';
import { openTab } from '@/lib/validation/saved-views';
import { saveSavedViewState } from '@/server/saved-views/actions';
import type { SavedViewsBarData } from '@/server/saved-views/queries';
import { SaveViewForm } from './save-view-form';
import { SavedViewMenu } from './saved-view-menu';

const tabClasses = (active: boolean) =>
  cn(
    'inline-flex items-center gap-1.5 rounded-t-md border-b-2 px-3 py-2 text-sm font-medium',
    active
      ? 'border-brand-600 text-brand-700'
      : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900',
  );

/**
 * The saved views of a list as tabs above its table: "All", then the user's own views, then those
 * the team shared. When the address no longer matches the open tab, it offers to save the change.
 * The open tab is read from the address here, so a list's layout renders the strip only once.
 */
export function SavedViewsBar({ bar }: { bar: SavedViewsBarData }) {
  const router = useRouter();
  const [creating, setCreating] = useState(false);
  const [isPending, startTransition] = useTransition();
  const searchParams = useSearchParams();
  const { active, current } = useMemo(
    () => openTab(bar.list, bar.tabs, new URLSearchParams(searchParams)),
    [bar, searchParams],
  );
  const modified = current !== (active?.state ?? '');

  const save = () =>
    startTransition(async () => {
      if (!active) return;
      const result = await saveSavedViewState({
        id: active.id,
        list: bar.list,
        state: current,
      });
      if (!result.ok) {
        toast.error(result.fieldErrors?.state?.[0] ?? result.error);
        return;
      }
      toast.success(`Saved “${active.name}”.`);
    });

  return (
    <div className="mb-4 space-y-2">
      <div className="flex flex-wrap items-end justify-between gap-2 border-b border-slate-200">
        <nav aria-label="Saved views">
          <ul className="flex flex-wrap items-end gap-1">
            <li>
              <Link
                href={bar.allHref}
                aria-current={active ? undefined : 'page'}
                className={tabClasses(!active)}
              >
                All
              </Link>
            </li>
            {bar.tabs.map((tab) => (
              <li key={tab.id} className="flex items-center">
                <Link
                  href={tab.href}
                  aria-current={tab.id === active?.id ? 'page' : undefined}
                  className={tabClasses(tab.id === active?.id)}
                >
                  {tab.name}
                  {tab.shared ? (
                    <span className="inline-flex items-center gap-1 text-xs font-normal text-slate-500">
                      <Users aria-hidden className="size-3.5" />
                      <span className="sr-only">, shared</span>
                      {tab.mine ? null : <span>by {tab.ownerName}</span>}
                    </span>
                  ) : null}
                  {tab.isDefault ? (
                    <>
                      <Star aria-hidden className="size-3.5 fill-current text-amber-500" />
                      <span className="sr-only">, opens by default</span>
                    </>
                  ) : null}
                </Link>
                <SavedViewMenu
                  tab={tab}
                  list={bar.list}
                  canShare={bar.canShare}
                  afterDelete={() => {
                    if (tab.id === active?.id) router.push(`${bar.path}?view=all`);
                  }}
                />
              </li>
            ))}
          </ul>
        </nav>
        {modified && !creating ? (
          <div className="flex items-center gap-2 pb-1.5">
            <span className="text-xs text-slate-500">
              {active ? `Changed from “${active.name}”` : 'Filtered'}
            </span>
            {active?.mine ? (
              <Button variant="secondary" className="py-1" disabled={isPending} onClick={save}>
                {isPending ? 'Saving…' : 'Save'}
              </Button>
            ) : null}
            <Button variant="secondary" className="py-1" onClick={() => setCreating(true)}>
              Save as new
            </Button>
          </div>
        ) : null}
      </div>
      {creating ? (
        <SaveViewForm
          list={bar.list}
          state={current}
          canShare={bar.canShare}
          onCancel={() => setCreating(false)}
          onSaved={(href) => {
            setCreating(false);
            router.push(href);
          }}
          path={bar.path}
        />
      ) : null}
    </div>
  );
}

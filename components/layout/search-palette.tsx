'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState, useTransition } from 'react';
import type { SearchGroup } from '@/lib/search';
import { searchShortcutHint } from '@/lib/utils';
import { useHydrated } from '@/components/ui/use-hydrated';
import { search } from '@/server/search/actions';
import { Icon } from '@/components/ui/icon';

/** The global Ctrl/Cmd+K palette: type, move with the arrow keys, Enter to open. */
export function SearchPalette() {
  // The device's hint, the box and its results come after hydration: the server renders no hint,
  // and the dialog opens only from a script anyway.
  const hydrated = useHydrated();
  const hint = hydrated
    ? searchShortcutHint({
        platform: navigator.platform || navigator.userAgent,
        coarsePointer: window.matchMedia('(pointer: coarse)').matches,
      })
    : null;
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const listId = useId();
  const [query, setQuery] = useState('');
  const [groups, setGroups] = useState<SearchGroup[]>([]);
  const [active, setActive] = useState(0);
  const [searched, setSearched] = useState('');
  const [isPending, startTransition] = useTransition();
  const hits = groups.flatMap((group) => group.hits);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        dialog.current?.showModal();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    const trimmed = query.trim();
    if (trimmed.length < 2) return;
    const timer = setTimeout(() => {
      startTransition(async () => {
        const found = await search(trimmed);
        setGroups(found);
        setSearched(trimmed);
        setActive(0);
      });
    }, 150);
    return () => clearTimeout(timer);
  }, [query]);

  const open = (href: string) => {
    dialog.current?.close();
    setQuery('');
    setGroups([]);
    router.push(href);
  };

  const showResults = query.trim().length >= 2;
  let index = -1;
  return (
    <>
      <button
        type="button"
        onClick={() => dialog.current?.showModal()}
        aria-keyshortcuts="Control+K Meta+K"
        className="flex items-center gap-2 rounded-md border border-slate-300 bg-white p-2 text-sm text-slate-600 hover:bg-slate-50 sm:px-3 sm:py-1.5"
      >
        <Icon name="search" />
        <span className="sr-only sm:not-sr-only">Search</span>
        {hint ? (
          <kbd
            aria-hidden
            className="ml-4 hidden rounded border border-slate-200 px-1.5 text-xs text-slate-500 sm:inline"
          >
            {hint}
          </kbd>
        ) : null}
      </button>
      <dialog
        ref={dialog}
        aria-label="Search Accord"
        className="mx-auto mt-24 w-full max-w-xl rounded-lg border border-slate-200 p-0 shadow-2xl backdrop:bg-slate-900/30"
        onClick={(event) => {
          if (event.target === dialog.current) dialog.current.close();
        }}
      >
        {hydrated ? (
          <>
            <div className="border-b border-slate-200 p-3">
              <input
                autoFocus
                role="combobox"
                aria-expanded={hits.length > 0}
                aria-controls={listId}
                aria-activedescendant={hits[active] ? `${listId}-${active}` : undefined}
                aria-label="Search clients and contacts"
                placeholder="Search clients and contacts…"
                value={query}
                onChange={(event) => setQuery(event.target.value)}
                onKeyDown={(event) => {
                  if (event.key === 'ArrowDown') {
                    event.preventDefault();
                    setActive((current) => Math.min(current + 1, hits.length - 1));
                  } else if (event.key === 'ArrowUp') {
                    event.preventDefault();
                    setActive((current) => Math.max(current - 1, 0));
                  } else if (event.key === 'Enter' && hits[active]) {
                    event.preventDefault();
                    open(hits[active].href);
                  }
                }}
                className="w-full px-2 py-1.5 text-base outline-none"
              />
            </div>
            <div
              id={listId}
              role="listbox"
              aria-label="Results"
              className="max-h-96 overflow-y-auto p-2"
            >
              {!showResults ? (
                <p className="px-2 py-3 text-sm text-slate-600">Type at least two letters.</p>
              ) : null}
              {showResults && !isPending && searched === query.trim() && hits.length === 0 ? (
                <p className="px-2 py-3 text-sm text-slate-600">
                  Nothing matches “{query.trim()}”.
                </p>
              ) : null}
              {showResults
                ? groups.map((group) => (
                    <div key={group.label} role="group" aria-label={group.label} className="mb-2">
                      <p className="px-2 py-1 text-xs font-semibold text-slate-500 uppercase">
                        {group.label}
                      </p>
                      {group.hits.map((hit) => {
                        index += 1;
                        const position = index;
                        return (
                          <div
                            key={hit.id}
                            id={`${listId}-${position}`}
                            role="option"
                            aria-selected={position === active}
                            onMouseEnter={() => setActive(position)}
                            onClick={() => open(hit.href)}
                            className={`cursor-pointer rounded px-2 py-2 text-sm ${position === active ? 'bg-brand-50' : ''}`}
                          >
                            <p className="font-medium text-slate-900">{hit.title}</p>
                            {hit.subtitle ? (
                              <p className="text-xs text-slate-600">{hit.subtitle}</p>
                            ) : null}
                          </div>
                        );
                      })}
                    </div>
                  ))
                : null}
            </div>
          </>
        ) : null}
      </dialog>
    </>
  );
}

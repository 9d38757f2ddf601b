'use client';

import { useEffect, useId, useState, useTransition } from 'react';
import { Input } from '@/components/ui/field';
import type { ClientChoice } from '@/server/clients/queries';
import { searchClientChoices } from '@/server/search/actions';

/** Adds a client's calendar: type part of its name, then pick it. */
export function CalendarClientAdder({ onAdd }: { onAdd: (clientId: string) => void }) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<ClientChoice[]>([]);
  const [, startTransition] = useTransition();

  useEffect(() => {
    const trimmed = query.trim();
    if (trimmed.length < 2) return;
    const timer = setTimeout(() => {
      startTransition(async () => setOptions(await searchClientChoices(trimmed)));
    }, 200);
    return () => clearTimeout(timer);
  }, [query]);

  return (
    <div className="space-y-1">
      <label htmlFor={id} className="sr-only">
        Add a client&apos;s calendar
      </label>
      <Input
        id={id}
        type="search"
        placeholder="Add a client…"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      {query.trim() && options.length > 0 ? (
        <ul className="max-h-40 overflow-y-auto rounded-md border border-slate-200 bg-white p-1">
          {options.slice(0, 8).map((option) => (
            <li key={option.id}>
              <button
                type="button"
                className="w-full rounded px-2 py-1 text-left text-sm hover:bg-slate-50"
                onClick={() => {
                  onAdd(option.id);
                  setQuery('');
                  setOptions([]);
                }}
              >
                {option.name}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

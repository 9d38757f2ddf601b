'use client';

import { useEffect, useId, useState, useTransition } from 'react';
import { Input } from '@/components/ui/field';
import type { ClientChoice } from '@/server/clients/queries';
import { searchClientChoices } from '@/server/search/actions';

/**
 * Chooses the deal's client among those the user may see: type part of a name, then pick one of
 * the matches (radio buttons, so it works from the keyboard and names the choice for readers).
 */
export function ClientPicker({
  error,
  onChange,
}: {
  error?: string[];
  onChange: (client: ClientChoice | null) => void;
}) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<ClientChoice[]>([]);
  const [chosen, setChosen] = useState<ClientChoice | null>(null);
  const [searched, setSearched] = useState('');
  const [isPending, startTransition] = useTransition();

  useEffect(() => {
    const trimmed = query.trim();
    if (trimmed.length < 2) return;
    const timer = setTimeout(() => {
      startTransition(async () => {
        setOptions(await searchClientChoices(trimmed));
        setSearched(trimmed);
      });
    }, 200);
    return () => clearTimeout(timer);
  }, [query]);

  const invalid = Boolean(error?.length);
  // The chosen client stays listed (and submitted) while the user searches for another.
  const shown = chosen ? [chosen, ...options.filter((option) => option.id !== chosen.id)] : options;
  return (
    <fieldset className="space-y-2" aria-describedby={invalid ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium text-slate-800">Client</legend>
      <label htmlFor={`${id}-search`} className="sr-only">
        Find a client
      </label>
      <Input
        id={`${id}-search`}
        type="search"
        placeholder="Find a client by name"
        value={query}
        aria-invalid={invalid}
        onChange={(event) => setQuery(event.target.value)}
      />
      <div aria-live="polite" className="text-xs text-slate-600">
        {isPending
          ? 'Searching…'
          : searched && options.length === 0
            ? `No client you can see matches “${searched}”.`
            : null}
      </div>
      {shown.length > 0 ? (
        <ul className="max-h-56 space-y-1 overflow-y-auto rounded-md border border-slate-200 p-1">
          {shown.map((option) => (
            <li key={option.id}>
              <label className="flex cursor-pointer items-center gap-2 rounded px-2 py-1 text-sm hover:bg-slate-50">
                <input
                  type="radio"
                  name="clientId"
                  value={option.id}
                  checked={chosen?.id === option.id}
                  onChange={() => {
                    setChosen(option);
                    onChange(option);
                  }}
                />
                {option.name}
              </label>
            </li>
          ))}
        </ul>
      ) : null}
      {invalid ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error?.join(' ')}
        </p>
      ) : null}
    </fieldset>
  );
}

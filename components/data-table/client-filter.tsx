'use client';

import { X } from 'lucide-react';
import { useEffect, useId, useState, useTransition } from 'react';
import type { ClientChoice } from '@/server/clients/queries';
import { searchClientChoices } from '@/server/search/actions';
import { useUrlState } from './use-url-state';

type NamedClient = Pick<ClientChoice, 'id' | 'name'>;

/**
 * A list's client filter: type part of a name, pick a client with the arrow keys and Enter (or
 * a click), and the list is narrowed to it by `client=<id>` in the URL, so saved views keep it.
 * `selected` is the client the URL names, when the viewer may see it.
 */
export function ClientFilter({ selected }: { selected: NamedClient | null }) {
  // A new choice in the URL starts the picker afresh with that client's name.
  return <ClientCombobox key={selected?.id ?? ''} selected={selected} />;
}

function ClientCombobox({ selected }: { selected: NamedClient | null }) {
  const id = useId();
  const listId = `${id}-clients`;
  const { update } = useUrlState();
  const [query, setQuery] = useState(selected?.name ?? '');
  const [choices, setChoices] = useState<ClientChoice[]>([]);
  const [searched, setSearched] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [, startTransition] = useTransition();

  useEffect(() => {
    const term = query.trim();
    if (!open || term.length < 2) return;
    const timer = setTimeout(() => {
      startTransition(async () => {
        setChoices(await searchClientChoices(term));
        setSearched(term);
        setActive(0);
      });
    }, 150);
    return () => clearTimeout(timer);
  }, [open, query]);

  const choose = (choice: NamedClient | null) => {
    setOpen(false);
    setQuery(choice?.name ?? '');
    update({ client: choice?.id ?? null });
  };
  const term = query.trim();
  const shown = open && term.length >= 2 && searched === term;

  return (
    <div className="relative">
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-600">
        Client
      </label>
      <div className="flex items-center rounded-md border border-slate-300 bg-white">
        <input
          id={id}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={shown}
          aria-controls={listId}
          aria-activedescendant={shown && choices[active] ? `${listId}-${active}` : undefined}
          placeholder="Any client"
          autoComplete="off"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setOpen(true);
          }}
          onBlur={() => {
            setOpen(false);
            setQuery(selected?.name ?? '');
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') {
              event.preventDefault();
              setOpen(true);
              setActive((current) => Math.min(current + 1, choices.length - 1));
            } else if (event.key === 'ArrowUp') {
              event.preventDefault();
              setActive((current) => Math.max(current - 1, 0));
            } else if (event.key === 'Enter' && shown && choices[active]) {
              event.preventDefault();
              choose(choices[active]);
            } else if (event.key === 'Escape') {
              setOpen(false);
              setQuery(selected?.name ?? '');
            }
          }}
          className="w-44 rounded-md px-3 py-2 text-sm outline-none placeholder:text-slate-500"
        />
        {selected ? (
          <button
            type="button"
            aria-label={`Clear the client filter (${selected.name})`}
            onClick={() => choose(null)}
            className="mr-1 rounded p-1 text-slate-500 hover:bg-slate-100"
          >
            <X aria-hidden className="size-4" />
          </button>
        ) : null}
      </div>
      <ul
        id={listId}
        role="listbox"
        aria-label="Clients"
        hidden={!shown}
        className="absolute z-20 mt-1 max-h-64 w-64 max-w-[calc(100vw-2rem)] overflow-y-auto rounded-md border border-slate-200 bg-white p-1 shadow-lg"
      >
        {shown && choices.length === 0 ? (
          <li className="px-2 py-2 text-sm text-slate-600">No client matches “{term}”.</li>
        ) : null}
        {shown
          ? choices.map((choice, index) => (
              <li
                key={choice.id}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                onMouseEnter={() => setActive(index)}
                // Chosen before the input's blur closes the list.
                onMouseDown={(event) => {
                  event.preventDefault();
                  choose(choice);
                }}
                className={`cursor-pointer rounded px-2 py-2 text-sm ${index === active ? 'bg-brand-50' : ''}`}
              >
                {choice.name}
              </li>
            ))
          : null}
      </ul>
    </div>
  );
}

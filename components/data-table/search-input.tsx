'use client';

import { useEffect, useId, useState } from 'react';
import { useUrlState } from './use-url-state';
import { Icon } from '@/components/ui/icon';

/** A search box bound to the `q` URL parameter, applied a moment after typing stops. */
export function SearchInput({ label, placeholder }: { label: string; placeholder?: string }) {
  const id = useId();
  const { searchParams, update } = useUrlState();
  const current = searchParams.get('q') ?? '';
  const [value, setValue] = useState(current);
  // What this box last wrote to the URL, and the URL's term it last saw: a term that changes
  // without this box (a saved view's tab, "All", the back button) replaces what it holds, so a
  // stale term is never written back over the new address.
  const [written, setWritten] = useState(current);
  const [seen, setSeen] = useState(current);
  if (current !== seen) {
    setSeen(current);
    if (current !== written) {
      setWritten(current);
      setValue(current);
    }
  }

  useEffect(() => {
    if (value.trim() === current) return;
    const timer = setTimeout(() => {
      setWritten(value.trim());
      update({ q: value.trim() });
    }, 300);
    return () => clearTimeout(timer);
  }, [value, current, update]);

  return (
    <div>
      <label htmlFor={id} className="filter-label">
        {label}
      </label>
      <div className="relative">
        <Icon
          name="search"
          className="pointer-events-none absolute top-2.5 left-2.5 text-slate-400"
        />
        <input
          id={id}
          type="search"
          value={value}
          placeholder={placeholder}
          onChange={(event) => setValue(event.target.value)}
          className="filter-control w-64 pr-3 pl-8"
        />
      </div>
    </div>
  );
}

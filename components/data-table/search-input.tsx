'use client';

import { Search } from 'lucide-react';
import { useEffect, useId, useState } from 'react';
import { useUrlState } from './use-url-state';

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
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-600">
        {label}
      </label>
      <div className="relative">
        <Search
          aria-hidden
          className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-slate-400"
        />
        <input
          id={id}
          type="search"
          value={value}
          placeholder={placeholder}
          onChange={(event) => setValue(event.target.value)}
          className="w-64 rounded-md border border-slate-300 bg-white py-2 pr-3 pl-8 text-sm"
        />
      </div>
    </div>
  );
}

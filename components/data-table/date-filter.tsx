'use client';

import { useId } from 'react';
import { useUrlState } from './use-url-state';

/** A date input bound to one URL parameter (YYYY-MM-DD). */
export function DateFilter({ param, label }: { param: string; label: string }) {
  const id = useId();
  const { searchParams, update } = useUrlState();
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-600">
        {label}
      </label>
      <input
        id={id}
        type="date"
        value={searchParams.get(param) ?? ''}
        onChange={(event) => update({ [param]: event.target.value })}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm"
      />
    </div>
  );
}

'use client';

import { useId } from 'react';
import { useUrlState } from './use-url-state';

/** A date input bound to one URL parameter (YYYY-MM-DD). */
export function DateFilter({ param, label }: { param: string; label: string }) {
  const id = useId();
  const { searchParams, update } = useUrlState();
  return (
    <div>
      <label htmlFor={id} className="filter-label">
        {label}
      </label>
      <input
        id={id}
        type="date"
        value={searchParams.get(param) ?? ''}
        onChange={(event) => update({ [param]: event.target.value })}
        className="filter-control py-1.5"
      />
    </div>
  );
}

'use client';

import { useId } from 'react';
import { useUrlState } from './use-url-state';

/** A drop-down filter bound to one URL parameter; the empty choice removes it. */
export function SelectFilter({
  param,
  label,
  allLabel,
  options,
}: {
  param: string;
  label: string;
  allLabel: string;
  options: { value: string; label: string }[];
}) {
  const id = useId();
  const { searchParams, update } = useUrlState();
  return (
    <div>
      <label htmlFor={id} className="filter-label">
        {label}
      </label>
      <select
        id={id}
        value={searchParams.get(param) ?? ''}
        onChange={(event) => update({ [param]: event.target.value })}
        className="filter-control"
      >
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

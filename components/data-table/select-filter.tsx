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
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-600">
        {label}
      </label>
      <select
        id={id}
        value={searchParams.get(param) ?? ''}
        onChange={(event) => update({ [param]: event.target.value })}
        className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
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

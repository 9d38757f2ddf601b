'use client';

import { useId } from 'react';
import { fieldAria, Input } from '@/components/ui/field';

/** A saved view's name: its label, input (focused on open) and errors. */
export function ViewNameField({
  label,
  defaultValue,
  error,
  className,
}: {
  label: string;
  defaultValue: string | undefined;
  error: string[] | undefined;
  className?: string;
}) {
  const id = `${useId()}-name`;
  return (
    <>
      <label htmlFor={id} className="block text-xs font-medium text-slate-600">
        {label}
      </label>
      <Input
        id={id}
        name="name"
        required
        maxLength={60}
        autoFocus
        defaultValue={defaultValue}
        className={className}
        {...fieldAria(id, error)}
      />
      {error?.length ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error.join(' ')}
        </p>
      ) : null}
    </>
  );
}

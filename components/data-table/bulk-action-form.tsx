'use client';

import { useId, useState, useTransition, type ChangeEvent, type ReactNode } from 'react';
import { toast } from 'sonner';
import { Icon } from '@/components/ui/icon';
import { Button, buttonClasses } from '@/components/ui/button';
import { Select } from '@/components/ui/field';
import type { ActionResult } from '@/lib/action-result';
import type { BulkResult } from '@/lib/bulk';
import type { BulkActionContext } from './bulk-action-bar';

/** Ties a bulk form's extra fields to its error message. */
export type BulkErrorProps = { 'aria-invalid': boolean; 'aria-describedby': string | undefined };

/** What the chosen action's value control is given: spread it onto the Input or Select. */
export type BulkValueField = BulkErrorProps & {
  id: string;
  value: string;
  onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => void;
  className: string;
};

/** A value select's options after an empty first one ("Nobody", "Choose a stage"). */
export function BulkOptions({
  empty,
  options,
}: {
  empty: string;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <>
      <option value="">{empty}</option>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </>
  );
}

/**
 * A list's bulk actions: pick one, give its value, apply it to the selection (the first field error
 * or the error is shown, the answer is reported), or export the selection.
 */
export function BulkActionForm<Choice extends string>({
  context,
  choices,
  choiceLabels,
  valueLabels,
  exportPath,
  exportQuery,
  apply,
  renderValue,
  renderExtra,
}: {
  context: BulkActionContext;
  choices: readonly [Choice, ...Choice[]];
  choiceLabels: Record<Choice, string>;
  /** The value field's label per action, e.g. "New owner". */
  valueLabels: Record<Choice, string>;
  /** The list's export route, e.g. "/clients/export". */
  exportPath: string;
  /** The list's filter as an export query string. */
  exportQuery: string;
  apply: (choice: Choice, value: string) => Promise<ActionResult<BulkResult>>;
  renderValue: (choice: Choice, field: BulkValueField) => ReactNode;
  /** Fields after the value, e.g. the reason a lost deal asks for. */
  renderExtra?: (
    choice: Choice,
    value: string,
    id: string,
    errorProps: BulkErrorProps,
  ) => ReactNode;
}) {
  const id = useId();
  const [choice, setChoice] = useState<Choice>(choices[0]);
  const [value, setValue] = useState('');
  const [error, setError] = useState('');
  const [pending, startTransition] = useTransition();

  function submit() {
    startTransition(async () => {
      const result = await apply(choice, value);
      if (!result.ok) {
        setError(Object.values(result.fieldErrors ?? {}).flat()[0] ?? result.error);
        return;
      }
      setError('');
      toast.success(result.data.message);
      context.report(result.data.message);
    });
  }

  const errorProps: BulkErrorProps = {
    'aria-invalid': Boolean(error),
    'aria-describedby': error ? `${id}-error` : undefined,
  };
  const exportHref = `${exportPath}?${exportQuery}${
    context.selectedIds ? `${exportQuery ? '&' : ''}ids=${context.selectedIds.join(',')}` : ''
  }`;
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <div className="space-y-1">
        <label htmlFor={`${id}-action`} className="block text-xs font-medium text-slate-700">
          Bulk action
        </label>
        <Select
          id={`${id}-action`}
          value={choice}
          onChange={(event) => {
            setChoice(event.target.value as Choice);
            setValue('');
            setError('');
          }}
          className="w-48"
        >
          {choices.map((option) => (
            <option key={option} value={option}>
              {choiceLabels[option]}
            </option>
          ))}
        </Select>
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-value`} className="block text-xs font-medium text-slate-700">
          {valueLabels[choice]}
        </label>
        {renderValue(choice, {
          id: `${id}-value`,
          value,
          onChange: (event) => setValue(event.target.value),
          className: 'w-48',
          ...errorProps,
        })}
      </div>
      {renderExtra?.(choice, value, id, errorProps)}
      <Button type="submit" disabled={pending}>
        {pending ? 'Applying…' : 'Apply'}
      </Button>
      <a href={exportHref} className={buttonClasses('secondary')} download>
        <Icon name="download" />
        Export selection
      </a>
      {error ? (
        <p id={`${id}-error`} role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </form>
  );
}

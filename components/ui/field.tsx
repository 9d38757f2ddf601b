import type { ComponentProps, ReactNode } from 'react';
import { cn } from '@/lib/utils';

const controlClasses =
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-400 aria-[invalid=true]:border-red-500';

type FieldProps = {
  id: string;
  label: string;
  error?: string[];
  hint?: ReactNode;
  children?: ReactNode;
};

/** A label, a control, an optional hint and the field's error, tied together for screen readers. */
export function Field({ id, label, error, hint, children }: FieldProps) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint && !error?.length ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error?.length ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error.join(' ')}
        </p>
      ) : null}
    </div>
  );
}

export function fieldAria(id: string, error?: string[], hasHint = false) {
  const invalid = Boolean(error?.length);
  const describedBy = invalid ? `${id}-error` : hasHint ? `${id}-hint` : undefined;
  return { 'aria-invalid': invalid, 'aria-describedby': describedBy };
}

export function Input({ className, ...props }: ComponentProps<'input'>) {
  return <input className={cn(controlClasses, className)} {...props} />;
}

export function Select({ className, ...props }: ComponentProps<'select'>) {
  return <select className={cn(controlClasses, className)} {...props} />;
}

export function Textarea({ className, rows = 3, ...props }: ComponentProps<'textarea'>) {
  return <textarea rows={rows} className={cn(controlClasses, className)} {...props} />;
}

type LabelledProps = { id: string; label: string; error?: string[]; hint?: ReactNode };

/** A labelled text input with its error and hint wired for screen readers. */
export function TextField({
  id,
  label,
  error,
  hint,
  ...props
}: LabelledProps & Omit<ComponentProps<'input'>, 'id'>) {
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      <Input id={id} {...fieldAria(id, error, Boolean(hint))} {...props} />
    </Field>
  );
}

/** A labelled textarea with its error and hint wired for screen readers. */
export function TextareaField({
  id,
  label,
  error,
  hint,
  ...props
}: LabelledProps & Omit<ComponentProps<'textarea'>, 'id'>) {
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      <Textarea id={id} {...fieldAria(id, error, Boolean(hint))} {...props} />
    </Field>
  );
}

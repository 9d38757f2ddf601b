import type { ComponentProps } from 'react';
import { cn } from '@/lib/utils';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';

/** A button's classes: `btn` and its variant are styled in app/globals.css. */
export function buttonClasses(variant: ButtonVariant = 'primary', className?: string) {
  return cn('btn', `btn-${variant}`, className);
}

export function Button({
  variant = 'primary',
  className,
  type = 'button',
  ...props
}: ComponentProps<'button'> & { variant?: ButtonVariant }) {
  return <button type={type} className={buttonClasses(variant, className)} {...props} />;
}

'use client';

import { Check } from 'lucide-react';
import { DropdownMenu as Menu } from 'radix-ui';
import { useLayoutEffect, useRef, useState, type ComponentProps, type ReactNode } from 'react';
import { cn } from '@/lib/utils';
import { useHydrated } from './use-hydrated';

// Radix's menus: arrow keys and typeahead move between items, Escape and a click outside close,
// focus returns to the trigger, and the content flips or shifts to stay on screen. The content is
// rendered only while open, so a page with many menus carries none of their items.

/**
 * Not modal: the rest of the page stays in the accessibility tree (a modal menu hides it, focusable
 * controls and all), and a click outside still closes the menu.
 */
export function DropdownMenu(props: ComponentProps<typeof Menu.Root>) {
  return <Menu.Root modal={false} {...props} />;
}
export const DropdownMenuTrigger = Menu.Trigger;
export const DropdownMenuGroup = Menu.Group;

/**
 * The open menu, in a portal above the page, kept 8 px clear of the screen's edges. It is named by
 * its trigger unless given an `aria-label`.
 */
export function DropdownMenuContent({
  className,
  align = 'end',
  sideOffset = 4,
  collisionPadding = 8,
  ...props
}: ComponentProps<typeof Menu.Content>) {
  return (
    <Menu.Portal>
      <Menu.Content
        {...(props['aria-label'] ? { 'aria-labelledby': undefined } : {})}
        align={align}
        sideOffset={sideOffset}
        collisionPadding={collisionPadding}
        className={cn(
          'z-50 max-h-(--radix-dropdown-menu-content-available-height) min-w-44 overflow-y-auto rounded-md border border-slate-200 bg-white p-1 shadow-lg',
          className,
        )}
        {...props}
      />
    </Menu.Portal>
  );
}

const itemClasses =
  'flex w-full cursor-default items-center gap-2 rounded px-3 py-2 text-left text-sm text-slate-800 select-none focus-visible:-outline-offset-2 data-disabled:text-slate-500 data-highlighted:bg-slate-100 data-highlighted:text-slate-900';

/** One choice. With `asChild` it can be a link or a form's submit button. */
export function DropdownMenuItem({ className, ...props }: ComponentProps<typeof Menu.Item>) {
  return <Menu.Item className={cn(itemClasses, className)} {...props} />;
}

/** A choice that toggles, with a tick when on. */
export function DropdownMenuCheckboxItem({
  className,
  children,
  ...props
}: ComponentProps<typeof Menu.CheckboxItem>) {
  return (
    <Menu.CheckboxItem className={cn(itemClasses, 'pl-2', className)} {...props}>
      <span aria-hidden className="flex size-4 items-center justify-center">
        <Menu.ItemIndicator>
          <Check className="size-4" />
        </Menu.ItemIndicator>
      </span>
      {children}
    </Menu.CheckboxItem>
  );
}

export function DropdownMenuLabel({ className, ...props }: ComponentProps<typeof Menu.Label>) {
  return (
    <Menu.Label
      className={cn(
        'px-3 pt-2 pb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase',
        className,
      )}
      {...props}
    />
  );
}

export function DropdownMenuSeparator({
  className,
  ...props
}: ComponentProps<typeof Menu.Separator>) {
  return <Menu.Separator className={cn('-mx-1 my-1 h-px bg-slate-200', className)} {...props} />;
}

/**
 * A menu whose button works before the page hydrates. Until then it is a native <details> that
 * shows `early` (server-rendered, e.g. plain links, or nothing); a menu opened that early is open
 * once the real one takes over, and a focused button stays focused.
 */
export function EarlyDropdownMenu({
  label,
  triggerClassName,
  trigger,
  early,
  children,
}: {
  /** The button's name, when its text does not say enough. */
  label?: string;
  triggerClassName: string;
  trigger: ReactNode;
  early?: ReactNode;
  /** The `DropdownMenuContent`. */
  children: ReactNode;
}) {
  const hydrated = useHydrated();
  const details = useRef<HTMLDetailsElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [focusButton, setFocusButton] = useState(false);
  useLayoutEffect(() => {
    const early = details.current;
    if (!early) return;
    if (early.open) setOpen(true);
    else if (early.contains(document.activeElement)) setFocusButton(true);
  }, []);
  useLayoutEffect(() => {
    if (hydrated && focusButton) button.current?.focus();
  }, [hydrated, focusButton]);

  if (!hydrated) {
    return (
      <details ref={details} className="relative">
        <summary aria-label={label} className={cn('cursor-pointer list-none', triggerClassName)}>
          {trigger}
        </summary>
        {early}
      </details>
    );
  }
  return (
    <DropdownMenu open={open} onOpenChange={setOpen}>
      <DropdownMenuTrigger ref={button} aria-label={label} className={triggerClassName}>
        {trigger}
      </DropdownMenuTrigger>
      {children}
    </DropdownMenu>
  );
}

'use client';

import { ChevronDown, LogOut } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { signOutOfAccord } from '@/server/auth/actions';

/** The signed-in user's name and role, with "Sign out", in a keyboard-friendly disclosure menu. */
export function UserMenu({ name, roleLabel }: { name: string; roleLabel: string }) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (
        event instanceof KeyboardEvent
          ? event.key === 'Escape'
          : !container.current?.contains(event.target as Node)
      ) {
        setOpen(false);
      }
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  return (
    <div ref={container} className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={menuId}
        aria-label={`Account menu for ${name}`}
        onClick={() => setOpen((value) => !value)}
        className="flex items-center gap-2 rounded-md px-2 py-1.5 text-left hover:bg-slate-100"
      >
        <span>
          <span className="block text-sm font-medium text-slate-900">{name}</span>
          <span className="block text-xs text-slate-600">{roleLabel}</span>
        </span>
        <ChevronDown aria-hidden className="size-4 text-slate-500" />
      </button>
      {open ? (
        <div
          id={menuId}
          className="absolute right-0 z-20 mt-1 w-48 rounded-md border border-slate-200 bg-white p-1 shadow-lg"
        >
          <form action={signOutOfAccord}>
            <button
              type="submit"
              className="flex w-full items-center gap-2 rounded px-3 py-2 text-sm text-slate-800 hover:bg-slate-100"
            >
              <LogOut aria-hidden className="size-4" />
              Sign out
            </button>
          </form>
        </div>
      ) : null}
    </div>
  );
}

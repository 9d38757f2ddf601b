'use client';

import { ChevronDown, LogOut, UserRound } from 'lucide-react';
import Link from 'next/link';
import { useCallback, useId, useRef, useState } from 'react';
import { useDismiss } from '@/components/ui/use-dismiss';
import { signOutOfAccord } from '@/server/auth/actions';

/** The signed-in user's name and role, with "Sign out", in a keyboard-friendly disclosure menu. */
export function UserMenu({ name, roleLabel }: { name: string; roleLabel: string }) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const container = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);

  useDismiss(container, open, close);

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
          <Link
            href="/profile"
            onClick={close}
            className="flex w-full items-center gap-2 rounded px-3 py-2 text-sm text-slate-800 hover:bg-slate-100"
          >
            <UserRound aria-hidden className="size-4" />
            Profile
          </Link>
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

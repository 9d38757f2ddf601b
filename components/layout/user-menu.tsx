'use client';

import { LogOut, UserRound } from 'lucide-react';
import Link from 'next/link';
import { useRef } from 'react';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { signOutOfAccord } from '@/server/auth/actions';
import { Icon } from '@/components/ui/icon';

/** "Ada Lovelace" → "AL": what the menu's button shows where the full name does not fit. */
function initialsOf(name: string) {
  const words = name.trim().split(/\s+/);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map((word) => Array.from(word ?? '')[0]?.toUpperCase() ?? '').join('');
}

/**
 * The signed-in user's name and role (on a narrow screen their initials), opening a menu of what
 * they do with their account.
 */
export function UserMenu({ name, roleLabel }: { name: string; roleLabel: string }) {
  // Outside the menu, which unmounts as soon as an item is chosen.
  const signOutForm = useRef<HTMLFormElement>(null);
  return (
    <>
      <form ref={signOutForm} action={signOutOfAccord} hidden />
      <DropdownMenu>
        <DropdownMenuTrigger
          aria-label={`Account menu for ${name}`}
          className="flex min-w-0 items-center gap-2 rounded-md px-1 py-1.5 text-left hover:bg-slate-100 sm:px-2"
        >
          <span
            aria-hidden
            className="flex size-8 shrink-0 items-center justify-center rounded-full bg-brand-100 text-xs font-semibold text-brand-800 sm:hidden"
          >
            {initialsOf(name)}
          </span>
          <span className="hidden max-w-48 min-w-0 sm:block">
            <span className="block truncate text-sm font-medium text-slate-900">{name}</span>
            <span className="block truncate text-xs text-slate-600">{roleLabel}</span>
          </span>
          <Icon name="chevron-down" className="text-slate-500" />
        </DropdownMenuTrigger>
        <DropdownMenuContent aria-label="Account" className="w-48">
          <DropdownMenuItem asChild>
            <Link href="/profile">
              <UserRound aria-hidden className="size-4" />
              Profile
            </Link>
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={() => signOutForm.current?.requestSubmit()}>
            <LogOut aria-hidden className="size-4" />
            Sign out
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
    </>
  );
}

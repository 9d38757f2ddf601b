'use client';

import { ChevronDown, LogOut } from 'lucide-react';
import { useRef } from 'react';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { signOutOfAccord } from '@/server/auth/actions';

/** The signed-in user's name and role, opening a menu of what they do with their account. */
export function UserMenu({ name, roleLabel }: { name: string; roleLabel: string }) {
  // Outside the menu, which unmounts as soon as an item is chosen.
  const signOutForm = useRef<HTMLFormElement>(null);
  return (
    <>
      <form ref={signOutForm} action={signOutOfAccord} hidden />
      <DropdownMenu>
        <DropdownMenuTrigger
          aria-label={`Account menu for ${name}`}
          className="flex items-center gap-2 rounded-md px-2 py-1.5 text-left hover:bg-slate-100"
        >
          <span>
            <span className="block text-sm font-medium text-slate-900">{name}</span>
            <span className="block text-xs text-slate-600">{roleLabel}</span>
          </span>
          <ChevronDown aria-hidden className="size-4 text-slate-500" />
        </DropdownMenuTrigger>
        <DropdownMenuContent aria-label="Account" className="w-48">
          <DropdownMenuItem onSelect={() => signOutForm.current?.requestSubmit()}>
            <LogOut aria-hidden className="size-4" />
            Sign out
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
    </>
  );
}

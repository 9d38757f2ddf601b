'use client';

import { Menu } from 'lucide-react';
import { NavLinks, type NavSection } from './nav-links';

/** The navigation on narrow screens: a disclosure that closes once a link is followed. */
export function MobileNav({ sections }: { sections: NavSection[] }) {
  return (
    <details
      className="relative md:invisible"
      onClick={(event) => {
        if ((event.target as HTMLElement).closest('a')) event.currentTarget.open = false;
      }}
    >
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-md px-2 py-1.5 text-lg font-semibold text-brand-700 hover:bg-slate-100">
        <Menu aria-hidden className="size-5" />
        Accord
      </summary>
      <div className="absolute left-0 z-30 mt-2 w-64 rounded-md border border-slate-200 bg-white p-3 shadow-lg">
        <NavLinks sections={sections} />
      </div>
    </details>
  );
}

'use client';

import Link from 'next/link';
import { Fragment } from 'react';
import {
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  EarlyDropdownMenu,
} from '@/components/ui/dropdown-menu';
import { Icon } from '@/components/ui/icon';
import { NavLinks, navLinkClasses, useActiveHref, type NavSection } from './nav-links';

/**
 * The navigation on narrow screens, as a menu. The page arrives with the links in a native
 * disclosure, so the navigation works before the page hydrates.
 */
export function MobileNav({ sections }: { sections: NavSection[] }) {
  const activeHref = useActiveHref(sections);
  return (
    <EarlyDropdownMenu
      triggerClassName="flex items-center gap-2 rounded-md px-2 py-1.5 text-lg font-semibold text-brand-700 hover:bg-slate-100 md:invisible"
      trigger={
        <>
          <Icon name="menu" className="size-5" />
          Accord
        </>
      }
      early={
        <div className="absolute left-0 z-30 mt-2 w-64 rounded-md border border-slate-200 bg-white p-3 shadow-lg">
          <NavLinks sections={sections} />
        </div>
      }
    >
      <DropdownMenuContent aria-label="Navigation" align="start" className="w-64 p-2">
        {sections.map((section, index) => (
          <Fragment key={section.label ?? index}>
            {index > 0 ? <DropdownMenuSeparator /> : null}
            <DropdownMenuGroup aria-label={section.label}>
              {section.label ? <DropdownMenuLabel>{section.label}</DropdownMenuLabel> : null}
              {section.items.map((item) => {
                const active = item.href === activeHref;
                return (
                  <DropdownMenuItem key={item.href} asChild className={navLinkClasses(active)}>
                    <Link href={item.href} aria-current={active ? 'page' : undefined}>
                      <Icon name={item.icon} />
                      {item.label}
                    </Link>
                  </DropdownMenuItem>
                );
              })}
            </DropdownMenuGroup>
          </Fragment>
        ))}
      </DropdownMenuContent>
    </EarlyDropdownMenu>
  );
}

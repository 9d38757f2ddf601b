'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { Icon, type IconName } from '@/components/ui/icon';
import { cn } from '@/lib/utils';

type NavItem = { href: string; label: string; icon: IconName };
export type NavSection = { label?: string; items: NavItem[] };

function isActive(pathname: string, href: string) {
  return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
}

/** The link of the page shown: the deepest match, so /proposals/review does not also light up /proposals. */
export function useActiveHref(sections: NavSection[]) {
  const pathname = usePathname();
  return sections
    .flatMap((section) => section.items.map((item) => item.href))
    .filter((href) => isActive(pathname, href))
    .sort((a, b) => b.length - a.length)[0];
}

/** A link of the phone menu, whose items bring their own classes (the sidebar's use `.nav-link`). */
export function navLinkClasses(active: boolean) {
  return cn(
    'flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium',
    active ? 'bg-brand-50 text-brand-800' : 'text-slate-700 hover:bg-slate-100',
  );
}

export function NavLinks({ sections }: { sections: NavSection[] }) {
  const activeHref = useActiveHref(sections);
  return (
    <nav aria-label="Main" className="space-y-6">
      {sections.map((section, index) => (
        <div key={section.label ?? index}>
          {section.label ? (
            <p className="mb-2 px-3 text-xs font-semibold tracking-wide text-slate-500 uppercase">
              {section.label}
            </p>
          ) : null}
          <ul className="space-y-1">
            {section.items.map((item) => {
              const active = item.href === activeHref;
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    aria-current={active ? 'page' : undefined}
                    className="nav-link"
                  >
                    <Icon name={item.icon} />
                    {item.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}

import Link from 'next/link';
import type { ReactNode } from 'react';
import { NotificationBell } from '@/components/notifications/notification-bell';
import { TimeZoneBanner } from '@/components/profile/time-zone-banner';
import { roleLabels } from '@/lib/roles';
import { can } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';
import { MobileNav } from './mobile-nav';
import { NavLinks, type NavSection } from './nav-links';
import { SearchPalette } from './search-palette';
import { UserMenu } from './user-menu';

/** The navigation a role may use; screens that do not exist yet are not listed. */
function navigationFor(user: CurrentUser): NavSection[] {
  const main: NavSection = { items: [{ href: '/', label: 'Home', icon: 'home' }] };
  if (can(user, 'clients.read')) {
    main.items.push(
      { href: '/clients', label: 'Clients', icon: 'clients' },
      { href: '/prospects', label: 'Prospects', icon: 'prospects' },
      { href: '/pipeline', label: 'Pipeline', icon: 'pipeline' },
      { href: '/competitors', label: 'Competitors', icon: 'competitors' },
      { href: '/proposals', label: 'Proposals', icon: 'proposals' },
    );
  }
  if (can(user, 'proposals.review')) {
    main.items.push({ href: '/proposals/review', label: 'Review queue', icon: 'review' });
  }
  if (can(user, 'templates.write')) {
    main.items.push({ href: '/templates', label: 'Templates', icon: 'templates' });
  }
  if (can(user, 'clients.read')) {
    main.items.push(
      { href: '/contracts', label: 'Contracts', icon: 'contracts' },
      { href: '/invoices', label: 'Invoices', icon: 'invoices' },
      { href: '/calendar', label: 'Calendar', icon: 'calendar' },
      { href: '/feedback', label: 'Feedback', icon: 'feedback' },
      { href: '/tasks', label: 'Tasks', icon: 'tasks' },
      { href: '/materials', label: 'Materials', icon: 'materials' },
      { href: '/campaigns', label: 'Campaigns', icon: 'campaigns' },
    );
  }
  if (can(user, 'reports.own')) {
    main.items.push(
      { href: '/reports', label: 'Reports', icon: 'reports' },
      { href: '/documents', label: 'Documents', icon: 'documents' },
    );
  }
  const sections: NavSection[] = [main];
  const admin: NavSection = { label: 'Admin', items: [] };
  if (can(user, 'users.manage'))
    admin.items.push({ href: '/admin/users', label: 'Users', icon: 'users' });
  if (can(user, 'settings.manage')) {
    admin.items.push({ href: '/admin/settings', label: 'Settings', icon: 'settings' });
  }
  if (can(user, 'auditLog.read'))
    admin.items.push({ href: '/admin/audit-log', label: 'Audit log', icon: 'audit' });
  if (admin.items.length) sections.push(admin);
  return sections;
}

export function AppShell({ user, children }: { user: CurrentUser; children: ReactNode }) {
  const sections = navigationFor(user);
  return (
    <div className="flex min-h-screen">
      <a href="#main" className="shell-skip">
        Skip to content
      </a>
      <aside className="shell-aside">
        <Link href="/" className="shell-brand">
          Accord
        </Link>
        <NavLinks sections={sections} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="shell-header">
          <MobileNav sections={sections} />
          <div className="flex min-w-0 items-center gap-1 sm:gap-3">
            {can(user, 'clients.read') ? <SearchPalette /> : null}
            <NotificationBell user={user} />
            <UserMenu name={user.name} roleLabel={roleLabels[user.role]} />
          </div>
        </header>
        {user.timeZoneChosen ? null : <TimeZoneBanner timeZone={user.timeZone} />}
        <main id="main" className="shell-main">
          <div className="mx-auto max-w-6xl">{children}</div>
        </main>
      </div>
    </div>
  );
}

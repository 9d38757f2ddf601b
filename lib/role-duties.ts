import type { Role } from './roles';

/** What each role does in Accord (DESIGN.md §1), each with the screen where it is done. */
export const roleDuties: Record<Role, { label: string; href: string }[]> = {
  coordinator: [
    { label: 'Keep client records and contacts current', href: '/clients' },
    { label: 'Research prospective clients', href: '/prospects' },
    { label: 'Draft proposals from templates', href: '/proposals' },
    { label: 'Prepare contracts', href: '/contracts' },
    { label: 'Schedule meetings and calls', href: '/calendar' },
    { label: 'Log and route client feedback', href: '/feedback' },
    { label: 'Draft invoices', href: '/invoices' },
    { label: 'Request and file promotional materials', href: '/materials' },
    { label: 'Support campaigns and their budgets', href: '/campaigns' },
    { label: 'Prepare and file reports', href: '/reports' },
  ],
  executive: [
    { label: 'Review proposals: approve, request changes or reject', href: '/proposals/review' },
    { label: 'Sign off contracts for your accounts', href: '/contracts' },
    { label: 'Answer feedback routed to you', href: '/feedback' },
    { label: 'Watch your book of business', href: '/reports' },
  ],
  manager: [
    { label: 'Answer how the team is doing from the reports', href: '/reports' },
    { label: 'Manage users and roles', href: '/admin/users' },
    { label: 'Read the audit log', href: '/admin/audit-log' },
    { label: 'Reassign accounts', href: '/clients' },
    { label: 'Choose who sees which accounts', href: '/admin/settings' },
  ],
};

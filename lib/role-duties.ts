import type { Role } from './roles';

/** What each role does in Accord (DESIGN.md §1); `href` only where the screen exists. */
export const roleDuties: Record<Role, { label: string; href?: string }[]> = {
  coordinator: [
    { label: 'Keep client records and contacts current', href: '/clients' },
    { label: 'Research prospective clients', href: '/prospects' },
    { label: 'Draft proposals from templates and prepare contracts' },
    { label: 'Schedule meetings and calls' },
    { label: 'Log and route client feedback' },
    { label: 'Draft invoices and file reports' },
  ],
  executive: [
    { label: 'Review proposals: approve, request changes or reject' },
    { label: 'Sign off contracts for your accounts' },
    { label: 'Answer feedback routed to you' },
    { label: 'Watch your book of business', href: '/clients' },
  ],
  manager: [
    { label: 'Manage users and roles', href: '/admin/users' },
    { label: 'Read the audit log', href: '/admin/audit-log' },
    { label: 'Reassign accounts', href: '/clients' },
    { label: 'Choose who sees which accounts', href: '/admin/settings' },
  ],
};

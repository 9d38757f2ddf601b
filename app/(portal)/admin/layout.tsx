import { forbidden } from 'next/navigation';
import type { ReactNode } from 'react';
import { can } from '@/server/auth/permissions';
import { requireUser } from '@/server/auth/session';

/**
 * Refuses the whole Admin section before anything streams, so the 403 page is sent with a 403
 * status. Each page and query below still checks its own permission.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  if (
    !(['users.manage', 'auditLog.read', 'settings.manage'] as const).some((permission) =>
      can(user, permission),
    )
  ) {
    forbidden();
  }
  return children;
}

import Link from 'next/link';
import type { ReactNode } from 'react';
import { SavedViewsBar } from '@/components/saved-views/saved-views-bar';
import { buttonClasses } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/server/auth/session';
import { savedViewsBar } from '@/server/saved-views/queries';

/** What the users list shows at every address: paging, sorting and filtering skip it. */
export default async function UsersLayout({ children }: { children: ReactNode }) {
  const viewer = await requirePermission('users.manage');
  return (
    <>
      <PageHeader
        title="Users"
        description="Everyone who can sign in to Accord, with their role."
        actions={
          <Link href="/admin/users/new" className={buttonClasses('primary')}>
            Add user
          </Link>
        }
      />
      <SavedViewsBar bar={await savedViewsBar(viewer, 'users')} />
      {children}
    </>
  );
}

import Link from 'next/link';
import type { ReactNode } from 'react';
import { ListLayout } from '@/components/data-table/list-layout';
import { buttonClasses } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';

export default function UsersLayout({ children }: { children: ReactNode }) {
  return (
    <ListLayout
      permission="users.manage"
      savedViews="users"
      header={
        <PageHeader
          title="Users"
          description="Everyone who can sign in to Accord, with their role."
          actions={
            <Link href="/admin/users/new" className={buttonClasses('primary')}>
              Add user
            </Link>
          }
        />
      }
    >
      {children}
    </ListLayout>
  );
}

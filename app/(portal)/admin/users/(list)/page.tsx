import type { Metadata } from 'next';
import Link from 'next/link';
import { UsersTable } from '@/components/users/users-table';
import { buttonClasses } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { userListSchema } from '@/lib/validation/admin';
import { firstValues } from '@/lib/validation/list-params';
import { requirePermission } from '@/server/auth/session';
import { listUsers } from '@/server/users/queries';
import { viewerFormat } from '@/lib/format';

export const metadata: Metadata = { title: 'Users' };

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function UsersPage({ searchParams }: PageProps) {
  const viewer = await requirePermission('users.manage');
  const params = userListSchema.parse(firstValues(await searchParams));
  const { rows, total } = await listUsers(viewer, params);
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
      <UsersTable rows={rows} total={total} params={params} viewer={viewerFormat(viewer)} />
    </>
  );
}

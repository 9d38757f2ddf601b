import type { Metadata } from 'next';
import Link from 'next/link';
import { SavedViewsBar } from '@/components/saved-views/saved-views-bar';
import { UsersTable } from '@/components/users/users-table';
import { buttonClasses } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { userListSchema } from '@/lib/validation/admin';
import { firstValues } from '@/lib/validation/list-params';
import { packRows } from '@/lib/packed-rows';
import { requirePermission } from '@/server/auth/session';
import { getSavedViewsBar } from '@/server/saved-views/queries';
import { listUsers } from '@/server/users/queries';
import { viewerFormat } from '@/lib/format';

export const metadata: Metadata = { title: 'Users' };

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function UsersPage({ searchParams }: PageProps) {
  const viewer = await requirePermission('users.manage');
  const raw = firstValues(await searchParams);
  const savedViews = getSavedViewsBar(viewer, 'users', raw);
  // A bare address may redirect to the user's default view: find out before querying the list.
  if (Object.keys(raw).length === 0) await savedViews;
  const params = userListSchema.parse(raw);
  const [{ rows, total }, bar] = await Promise.all([listUsers(viewer, params), savedViews]);
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
      <SavedViewsBar bar={bar} />
      <UsersTable
        rows={packRows(rows)}
        total={total}
        params={params}
        viewer={viewerFormat(viewer)}
      />
    </>
  );
}

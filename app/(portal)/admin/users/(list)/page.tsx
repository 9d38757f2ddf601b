import type { Metadata } from 'next';
import { UsersTable } from '@/components/users/users-table';
import { userListSchema } from '@/lib/validation/admin';
import { firstValues } from '@/lib/validation/list-params';
import { packRows } from '@/lib/packed-rows';
import { requirePermission } from '@/server/auth/session';
import { openDefaultView } from '@/server/saved-views/queries';
import { listUsers } from '@/server/users/queries';
import { viewerFormat } from '@/lib/format';

export const metadata: Metadata = { title: 'Users' };

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function UsersPage({ searchParams }: PageProps) {
  const viewer = await requirePermission('users.manage');
  const raw = firstValues(await searchParams);
  // A bare address may redirect to the user's default view: find out before querying the list.
  await openDefaultView(viewer, 'users', raw);
  const params = userListSchema.parse(raw);
  const { rows, total } = await listUsers(viewer, params);
  return (
    <UsersTable rows={packRows(rows)} total={total} params={params} viewer={viewerFormat(viewer)} />
  );
}

import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { UserAdminPanel } from '@/components/users/user-admin-panel';
import { BackLink } from '@/components/ui/back-link';
import { Badge, Card, PageHeader } from '@/components/ui/card';
import { formatDateTime } from '@/lib/format';
import { roleLabels } from '@/lib/roles';
import { requirePermission } from '@/server/auth/session';
import { getUserById } from '@/server/users/queries';

export const metadata: Metadata = { title: 'User' };

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePermission('users.manage');
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const user = await getUserById(viewer, id.data);
  const details = [
    ['Email', user.email],
    ['Role', roleLabels[user.role]],
    ['Time zone', user.timeZone],
    ['Last sign-in', user.lastSignInAt ? formatDateTime(user.lastSignInAt, viewer) : 'Never'],
    ['Added', formatDateTime(user.createdAt, viewer)],
    ['Password', user.hasPassword ? 'Set' : 'Not set yet'],
  ];
  return (
    <>
      <BackLink href="/admin/users">Users</BackLink>
      <PageHeader
        title={user.name}
        actions={
          user.active ? <Badge tone="green">Active</Badge> : <Badge tone="red">Deactivated</Badge>
        }
      />
      <div className="space-y-6">
        <Card title="Details">
          <dl className="grid gap-4 sm:grid-cols-3">
            {details.map(([label, value]) => (
              <div key={label}>
                <dt className="text-xs text-slate-600">{label}</dt>
                <dd className="text-sm font-medium text-slate-900">{value}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <UserAdminPanel
          user={{ id: user.id, name: user.name, role: user.role, active: user.active }}
          isSelf={user.id === viewer.id}
        />
      </div>
    </>
  );
}

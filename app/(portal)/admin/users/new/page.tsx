import type { Metadata } from 'next';
import { AddUserForm } from '@/components/users/add-user-form';
import { Card, PageHeader } from '@/components/ui/card';
import { timeZoneNames } from '@/lib/profile';
import { requirePermission } from '@/server/auth/session';

export const metadata: Metadata = { title: 'Add user' };

export default async function AddUserPage() {
  const manager = await requirePermission('users.manage');
  return (
    <>
      <PageHeader title="Add user" description="Give a new team member access to Accord." />
      <Card>
        <AddUserForm timeZones={timeZoneNames()} defaultTimeZone={manager.timeZone} />
      </Card>
    </>
  );
}

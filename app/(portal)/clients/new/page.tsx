import type { Metadata } from 'next';
import { NewClientForm } from '@/components/clients/client-form';
import { Card, PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/server/auth/session';
import { listAssignableUsers } from '@/server/clients/queries';

export const metadata: Metadata = { title: 'New client' };

export default async function NewClientPage({
  searchParams,
}: {
  searchParams: Promise<{ status?: string }>;
}) {
  const viewer = await requirePermission('clients.write');
  const [{ status }, users] = await Promise.all([searchParams, listAssignableUsers(viewer)]);
  const prospect = status === 'prospect';
  return (
    <>
      <PageHeader
        title={prospect ? 'New prospect' : 'New client'}
        description={
          prospect
            ? 'An account you are researching or courting.'
            : 'An account the agency works for.'
        }
      />
      <Card>
        <NewClientForm
          users={users}
          defaults={{
            status: prospect ? 'prospect' : 'active',
            tier: 'standard',
            currency: 'USD',
            annualValue: '0',
            ownerId: viewer.role === 'executive' ? viewer.id : '',
            coordinatorId: viewer.role === 'coordinator' ? viewer.id : '',
          }}
        />
      </Card>
    </>
  );
}

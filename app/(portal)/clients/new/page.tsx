import type { Metadata } from 'next';
import { NewClientForm } from '@/components/clients/client-form';
import { Card, PageHeader } from '@/components/ui/card';
import { can } from '@/server/auth/permissions';
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
          team={{
            users,
            owner: can(viewer, 'clients.reassign', { ownerId: null }),
            coordinator: viewer.role !== 'coordinator',
          }}
          defaults={{
            status: prospect ? 'prospect' : 'active',
            tier: 'standard',
            currency: 'USD',
            annualValue: '0',
          }}
        />
      </Card>
    </>
  );
}

import type { Metadata } from 'next';
import { z } from 'zod';
import { NewDealForm } from '@/components/deals/deal-form';
import { BackLink } from '@/components/ui/back-link';
import { Card, PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/server/auth/session';
import { listAssignableUsers } from '@/server/clients/queries';
import { getDealClient } from '@/server/deals/queries';

export const metadata: Metadata = { title: 'New deal' };

export default async function NewDealPage({
  searchParams,
}: {
  searchParams: Promise<{ clientId?: string | string[] }>;
}) {
  const viewer = await requirePermission('deals.write');
  const clientId = z.uuid().safeParse((await searchParams).clientId);
  const [client, users] = await Promise.all([
    clientId.success ? getDealClient(viewer, clientId.data) : null,
    listAssignableUsers(viewer),
  ]);
  return (
    <>
      {client ? (
        <BackLink href={`/clients/${client.id}`}>{client.name}</BackLink>
      ) : (
        <BackLink href="/pipeline">Pipeline</BackLink>
      )}
      <PageHeader
        title="New deal"
        description="An opportunity with a client. Owner and coordinator default to the account's."
      />
      <Card>
        <NewDealForm client={client} users={users} />
      </Card>
    </>
  );
}

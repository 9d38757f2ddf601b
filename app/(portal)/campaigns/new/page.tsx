import type { Metadata } from 'next';
import { z } from 'zod';
import { CampaignForm } from '@/components/campaigns/campaign-form';
import { ClientSearchStep } from '@/components/clients/client-search-step';
import { BackLink } from '@/components/ui/back-link';
import { Card, PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/server/auth/session';
import { findClientsForCampaign, getClientForCampaign } from '@/server/campaigns/queries';
import { listAssignableUsers } from '@/server/clients/queries';

export const metadata: Metadata = { title: 'New campaign' };

export default async function NewCampaignPage({
  searchParams,
}: {
  searchParams: Promise<{ clientId?: string; q?: string }>;
}) {
  const viewer = await requirePermission('campaigns.write');
  const params = await searchParams;
  const clientId = z.uuid().safeParse(params.clientId).data;
  const [client, people] = await Promise.all([
    clientId ? getClientForCampaign(viewer, clientId) : null,
    listAssignableUsers(viewer),
  ]);
  const matches = !client && params.q ? await findClientsForCampaign(viewer, params.q) : [];
  return (
    <>
      <BackLink href="/campaigns">All campaigns</BackLink>
      <PageHeader
        title="New campaign"
        description={client ? `For ${client.name}.` : 'Choose the client the campaign is for.'}
      />
      <Card>
        {client ? (
          <CampaignForm
            target={{ clientId: client.id }}
            people={people}
            campaign={{
              name: '',
              goal: '',
              startDate: null,
              endDate: null,
              status: 'planned',
              ownerId: client.ownerId,
              coordinatorId: client.coordinatorId,
              currency: client.currency,
              budgetPlannedCents: 0,
            }}
          />
        ) : (
          <ClientSearchStep
            query={params.q}
            matches={matches}
            hrefFor={(id) => `/campaigns/new?clientId=${id}`}
          />
        )}
      </Card>
    </>
  );
}

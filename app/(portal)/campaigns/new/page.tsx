import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { CampaignForm } from '@/components/campaigns/campaign-form';
import { BackLink } from '@/components/ui/back-link';
import { buttonClasses } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/card';
import { Input } from '@/components/ui/field';
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
          <>
            <form role="search" className="flex max-w-xl gap-2">
              <label htmlFor="q" className="sr-only">
                Client name
              </label>
              <Input id="q" name="q" defaultValue={params.q ?? ''} placeholder="Client name" />
              <button type="submit" className={buttonClasses('secondary')}>
                Find
              </button>
            </form>
            {params.q ? (
              <ul className="mt-4 divide-y divide-slate-100" aria-label="Matching clients">
                {matches.length === 0 ? (
                  <li className="py-2 text-sm text-slate-600">No client matches “{params.q}”.</li>
                ) : (
                  matches.map((match) => (
                    <li key={match.id} className="py-2 text-sm">
                      <Link
                        href={`/campaigns/new?clientId=${match.id}`}
                        className="font-medium text-brand-700 hover:underline"
                      >
                        {match.name}
                      </Link>
                    </li>
                  ))
                )}
              </ul>
            ) : null}
          </>
        )}
      </Card>
    </>
  );
}

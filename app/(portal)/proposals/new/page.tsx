import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { NewProposalForm } from '@/components/proposals/new-proposal-form';
import { BackLink } from '@/components/ui/back-link';
import { buttonClasses } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/card';
import { Input } from '@/components/ui/field';
import { clientStatusLabels } from '@/lib/clients';
import { requirePermission } from '@/server/auth/session';
import { findClientsForProposal, getNewProposalOptions } from '@/server/proposals/queries';

export const metadata: Metadata = { title: 'New proposal' };

export default async function NewProposalPage({
  searchParams,
}: {
  searchParams: Promise<{ clientId?: string; dealId?: string; q?: string }>;
}) {
  const viewer = await requirePermission('proposals.write');
  const params = await searchParams;
  const options = await getNewProposalOptions(viewer, {
    clientId: z.uuid().safeParse(params.clientId).data,
    dealId: z.uuid().safeParse(params.dealId).data,
  });
  const header = (
    <>
      <BackLink href="/proposals">All proposals</BackLink>
      <PageHeader
        title="New proposal"
        description={
          options.client ? `For ${options.client.name}.` : 'Choose the client the proposal is for.'
        }
      />
    </>
  );
  if (!options.client) {
    const matches = await findClientsForProposal(viewer, params.q ?? '');
    return (
      <>
        {header}
        <Card>
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
                matches.map((client) => (
                  <li key={client.id} className="py-2 text-sm">
                    <Link
                      href={`/proposals/new?clientId=${client.id}`}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      {client.name}
                    </Link>{' '}
                    <span className="text-slate-500">{clientStatusLabels[client.status]}</span>
                  </li>
                ))
              )}
            </ul>
          ) : null}
        </Card>
      </>
    );
  }
  const defaultReviewer =
    options.client.ownerId && options.client.ownerId !== viewer.id
      ? options.client.ownerId
      : undefined;
  return (
    <>
      {header}
      <Card>
        <NewProposalForm
          client={options.client}
          deals={options.deals}
          templates={options.templates}
          reviewers={options.reviewers.filter((reviewer) => reviewer.id !== viewer.id)}
          defaults={{ dealId: params.dealId, reviewerId: defaultReviewer }}
        />
      </Card>
    </>
  );
}

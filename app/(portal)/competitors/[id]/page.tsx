import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { ClientStatusBadge } from '@/components/clients/client-status-badge';
import { CompetitorForm } from '@/components/competitors/competitor-form';
import { BackLink } from '@/components/ui/back-link';
import { Card, PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/server/auth/session';
import { getCompetitor } from '@/server/competitors/queries';

export const metadata: Metadata = { title: 'Competitor' };

export default async function CompetitorPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePermission('clients.read');
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const competitor = await getCompetitor(viewer, id.data);
  return (
    <>
      <BackLink href="/competitors">Competitors</BackLink>
      <PageHeader title={competitor.name} description={competitor.website ?? undefined} />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Profile" className="lg:col-span-2">
          <CompetitorForm
            key={competitor.version}
            competitor={{
              id: competitor.id,
              version: competitor.version,
              name: competitor.name,
              website: competitor.website ?? '',
              strengths: competitor.strengths ?? '',
              weaknesses: competitor.weaknesses ?? '',
              pricingNotes: competitor.pricingNotes ?? '',
            }}
          />
        </Card>
        <Card title={`Competes for (${competitor.clients.length})`}>
          {competitor.clients.length === 0 ? (
            <p className="text-sm text-slate-600">Link this competitor from a client page.</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {competitor.clients.map((client) => (
                <li key={client.id} className="flex items-center justify-between py-2 text-sm">
                  <Link
                    href={`/clients/${client.id}`}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {client.name}
                  </Link>
                  <ClientStatusBadge status={client.status} />
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}

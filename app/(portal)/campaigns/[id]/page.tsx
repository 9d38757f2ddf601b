import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { BudgetEntries } from '@/components/campaigns/budget-entries';
import { BudgetSummary } from '@/components/campaigns/budget-summary';
import { CampaignForm } from '@/components/campaigns/campaign-form';
import { CampaignLinks } from '@/components/campaigns/campaign-links';
import { CampaignStatusBadge } from '@/components/campaigns/campaign-status-badge';
import { FilesPanel } from '@/components/documents/files-panel';
import { MaterialsPanel } from '@/components/materials/materials-panel';
import { BackLink } from '@/components/ui/back-link';
import { Card, PageHeader } from '@/components/ui/card';
import { formatDate, viewerFormat } from '@/lib/format';
import { requirePermission } from '@/server/auth/session';
import { getCampaignPage } from '@/server/campaigns/queries';
import { listAssignableUsers } from '@/server/clients/queries';
import { todayIn } from '@/server/proposals/merge-values';

export const metadata: Metadata = { title: 'Campaign' };

export default async function CampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePermission('clients.read');
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const [{ campaign, entries, linkedDeals, linkedMeetings, options }, people] = await Promise.all([
    getCampaignPage(viewer, id.data),
    listAssignableUsers(viewer),
  ]);
  const format = viewerFormat(viewer);
  const facts = [
    { label: 'Start', value: formatDate(campaign.startDate, format) },
    { label: 'End', value: formatDate(campaign.endDate, format) },
    { label: 'Owner', value: campaign.ownerName ?? '—' },
    { label: 'Coordinator', value: campaign.coordinatorName ?? '—' },
    { label: 'Currency', value: campaign.currency },
  ];
  return (
    <>
      <BackLink href="/campaigns">All campaigns</BackLink>
      <PageHeader
        title={campaign.name}
        description={`For ${campaign.clientName}`}
        actions={<CampaignStatusBadge status={campaign.status} />}
      />
      <div className="mb-6 text-sm">
        <Link href={`/clients/${campaign.clientId}`} className="text-brand-700 hover:underline">
          {campaign.clientName}
        </Link>
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <BudgetSummary
            plannedCents={campaign.budgetPlannedCents}
            committedCents={campaign.committedCents}
            spentCents={campaign.spentCents}
            currency={campaign.currency}
            locale={viewer.locale}
          />
          <BudgetEntries
            campaignId={campaign.id}
            currency={campaign.currency}
            entries={entries}
            options={options}
            viewer={format}
            today={todayIn(viewer.timeZone)}
          />
          <Card title="Overview">
            <dl className="grid gap-4 sm:grid-cols-3">
              {facts.map((fact) => (
                <div key={fact.label}>
                  <dt className="text-xs text-slate-600">{fact.label}</dt>
                  <dd className="text-sm font-medium break-words text-slate-900">{fact.value}</dd>
                </div>
              ))}
            </dl>
            {campaign.goal ? (
              <p className="mt-4 text-sm whitespace-pre-line break-words text-slate-800">
                {campaign.goal}
              </p>
            ) : null}
          </Card>
          <Card title="Edit campaign">
            <CampaignForm
              key={campaign.version}
              target={{ id: campaign.id, version: campaign.version }}
              people={people}
              campaign={campaign}
            />
          </Card>
        </div>
        <div className="min-w-0 space-y-6">
          <CampaignLinks
            campaignId={campaign.id}
            deals={linkedDeals}
            meetings={linkedMeetings}
            dealOptions={options.deals}
            meetingOptions={options.meetings}
            viewer={format}
          />
          <MaterialsPanel
            viewer={viewer}
            record={{ clientId: campaign.clientId, campaignId: campaign.id }}
          />
          <FilesPanel recordKind="campaign" recordId={campaign.id} viewer={viewer} />
        </div>
      </div>
    </>
  );
}

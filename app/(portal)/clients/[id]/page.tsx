import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { RecordCampaignsPanel } from '@/components/campaigns/record-campaigns-panel';
import { AssignmentPanel, ConvertProspectButton } from '@/components/clients/assignment-panel';
import { ClientOverview } from '@/components/clients/client-overview';
import { ClientStatusBadge } from '@/components/clients/client-status-badge';
import { CompetitorsPanel } from '@/components/clients/competitors-panel';
import { ContactsPanel } from '@/components/clients/contacts-panel';
import { ResearchPanel } from '@/components/clients/research-panel';
import { TimelinePanel } from '@/components/clients/timeline-panel';
import { ContractsPanel } from '@/components/contracts/contracts-panel';
import { ClientDealsPanel } from '@/components/deals/client-deals-panel';
import { FeedbackPanel } from '@/components/feedback/feedback-panel';
import { FilesPanel } from '@/components/documents/files-panel';
import { ClientInvoicesPanel } from '@/components/invoices/client-invoices-panel';
import { ClientMeetingsPanel } from '@/components/meetings/client-meetings-panel';
import { MaterialsPanel } from '@/components/materials/materials-panel';
import { ProposalsPanel } from '@/components/proposals/proposals-panel';
import { BackLink } from '@/components/ui/back-link';
import { PageHeader } from '@/components/ui/card';
import { clientTierLabels } from '@/lib/clients';
import { formatDate, formatMoney, viewerFormat } from '@/lib/format';
import { can } from '@/server/auth/permissions';
import { requirePermission } from '@/server/auth/session';
import { listClientProposals } from '@/server/proposals/queries';
import { getClientWithRecords, listAssignableUsers } from '@/server/clients/queries';
import { listCompetitorOptions } from '@/server/competitors/queries';
import { listClientContracts } from '@/server/contracts/queries';
import { listClientDeals } from '@/server/deals/queries';
import { listClientFeedback } from '@/server/feedback/queries';

export const metadata: Metadata = { title: 'Client' };

export default async function ClientPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePermission('clients.read');
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const [{ client, ...records }, users, competitorOptions, proposals, deals, feedback, contracts] =
    await Promise.all([
      getClientWithRecords(viewer, id.data),
      listAssignableUsers(viewer),
      listCompetitorOptions(viewer),
      listClientProposals(viewer, id.data),
      listClientDeals(viewer, id.data),
      listClientFeedback(viewer, id.data),
      listClientContracts(viewer, id.data),
    ]);
  const money = formatMoney(client.annualValueCents, client.currency, viewer.locale);
  const items = [
    { label: 'Industry', value: client.industry ?? '—' },
    { label: 'Tier', value: clientTierLabels[client.tier] },
    { label: 'Annual value', value: money },
    { label: 'Website', value: client.website ?? '—' },
    { label: 'Phone', value: client.phone ?? '—' },
    { label: 'Tags', value: client.tags.map((tag) => tag.name).join(', ') || '—' },
    { label: 'Billing e-mail', value: client.billingEmail ?? '—' },
    { label: 'Billing address', value: client.billingAddress ?? '—' },
    { label: 'Fit score', value: client.fitScore === null ? '—' : String(client.fitScore) },
    { label: 'Source', value: client.source ?? '—' },
    { label: 'Next step', value: client.nextStep ?? '—' },
    { label: 'Next-step date', value: formatDate(client.nextStepDate, viewer) },
    { label: 'Notes', value: client.notes ?? '—' },
  ];
  const formValues = {
    name: client.name,
    status: client.status,
    industry: client.industry ?? '',
    tier: client.tier,
    website: client.website ?? '',
    phone: client.phone ?? '',
    currency: client.currency,
    annualValue: (client.annualValueCents / 100).toFixed(2),
    billingEmail: client.billingEmail ?? '',
    billingAddress: client.billingAddress ?? '',
    notes: client.notes ?? '',
    fitScore: client.fitScore === null ? '' : String(client.fitScore),
    source: client.source ?? '',
    nextStep: client.nextStep ?? '',
    nextStepDate: client.nextStepDate ?? '',
    tags: client.tags.map((tag) => tag.name).join(', '),
  };
  return (
    <>
      <BackLink href={client.status === 'prospect' ? '/prospects' : '/clients'}>
        {client.status === 'prospect' ? 'Prospects' : 'Clients'}
      </BackLink>
      <PageHeader
        title={client.name}
        description={`${client.ownerName ? `Owned by ${client.ownerName}` : 'No owner yet'} · ${money} a year`}
        actions={
          <div className="flex items-center gap-3">
            <ClientStatusBadge status={client.status} />
            {client.status === 'prospect' ? (
              <ConvertProspectButton clientId={client.id} version={client.version} />
            ) : null}
          </div>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <ClientOverview
            key={client.version}
            clientId={client.id}
            version={client.version}
            items={items}
            values={formValues}
          />
          <ContactsPanel clientId={client.id} contacts={records.contacts} />
          <ClientDealsPanel clientId={client.id} deals={deals} locale={viewer.locale} />
          <TimelinePanel
            clientId={client.id}
            activities={records.activities}
            viewer={viewerFormat(viewer)}
          />
        </div>
        <div className="space-y-6">
          <AssignmentPanel
            clientId={client.id}
            version={client.version}
            ownerId={client.ownerId}
            coordinatorId={client.coordinatorId}
            ownerName={client.ownerName}
            coordinatorName={client.coordinatorName}
            users={users}
            canReassign={can(viewer, 'clients.reassign', { ownerId: client.ownerId })}
          />
          <ProposalsPanel
            newHref={`/proposals/new?clientId=${client.id}`}
            empty="No proposals yet."
            proposals={proposals}
            locale={viewer.locale}
          />
          <ClientMeetingsPanel viewer={viewer} clientId={client.id} />
          <FeedbackPanel clientId={client.id} items={feedback} viewer={viewerFormat(viewer)} />
          <ContractsPanel
            clientId={client.id}
            contracts={contracts}
            viewer={viewerFormat(viewer)}
          />
          <FilesPanel recordKind="client" recordId={client.id} viewer={viewer} />
          <ClientInvoicesPanel viewer={viewer} clientId={client.id} />
          <RecordCampaignsPanel viewer={viewer} record={{ clientId: client.id }} />
          <MaterialsPanel viewer={viewer} record={{ clientId: client.id }} />
          <CompetitorsPanel
            clientId={client.id}
            linked={records.competitors}
            options={competitorOptions}
          />
          <ResearchPanel
            clientId={client.id}
            viewer={viewerFormat(viewer)}
            notes={records.research.map((note) => ({
              ...note,
              canDelete: can(viewer, 'research.delete', { authorId: note.authorId }),
            }))}
          />
        </div>
      </div>
    </>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { RecordCampaignsPanel } from '@/components/campaigns/record-campaigns-panel';
import { DealOverview } from '@/components/deals/deal-overview';
import { FilesPanel } from '@/components/documents/files-panel';
import { MaterialsPanel } from '@/components/materials/materials-panel';
import { ProposalsPanel } from '@/components/proposals/proposals-panel';
import { DealStageBadge } from '@/components/deals/deal-stage-badge';
import { StageControl } from '@/components/deals/stage-control';
import { StageHistory } from '@/components/deals/stage-history';
import { BackLink } from '@/components/ui/back-link';
import { PageHeader } from '@/components/ui/card';
import { weightedAmount } from '@/lib/deals';
import { formatDate, formatDateTime, formatMoney, viewerFormat } from '@/lib/format';
import { requirePermission } from '@/server/auth/session';
import { listAssignableUsers } from '@/server/clients/queries';
import { getDeal } from '@/server/deals/queries';

export const metadata: Metadata = { title: 'Deal' };

export default async function DealPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePermission('clients.read');
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const [{ deal, history, proposals }, users] = await Promise.all([
    getDeal(viewer, id.data),
    listAssignableUsers(viewer),
  ]);
  const amount = formatMoney(deal.amountCents, deal.currency, viewer.locale);
  const items = [
    { label: 'Amount', value: amount },
    { label: 'Probability', value: `${deal.probability}%` },
    {
      label: 'Weighted',
      value: formatMoney(
        weightedAmount(deal.amountCents, deal.probability),
        deal.currency,
        viewer.locale,
      ),
    },
    { label: 'Expected close', value: formatDate(deal.expectedClose, viewer) },
    { label: 'Owner', value: deal.ownerName ?? '—' },
    { label: 'Coordinator', value: deal.coordinatorName ?? '—' },
    {
      label: 'Closed',
      value: deal.closedAt ? formatDateTime(deal.closedAt, viewer) : '—',
    },
    { label: 'Updated', value: formatDateTime(deal.updatedAt, viewer) },
  ];
  const values = {
    name: deal.name,
    amount: (deal.amountCents / 100).toFixed(2),
    currency: deal.currency,
    probability: String(deal.probability),
    expectedClose: deal.expectedClose ?? '',
    ownerId: deal.ownerId ?? '',
    coordinatorId: deal.coordinatorId ?? '',
  };
  return (
    <>
      <BackLink href="/pipeline">Pipeline</BackLink>
      <PageHeader
        title={deal.name}
        description={`${amount} · expected to close ${formatDate(deal.expectedClose, viewer)}`}
        actions={<DealStageBadge stage={deal.stage} />}
      />
      <p className="-mt-4 mb-6 text-sm">
        Client:{' '}
        <Link href={`/clients/${deal.clientId}`} className="text-brand-700 hover:underline">
          {deal.clientName}
        </Link>
      </p>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <DealOverview
            key={deal.version}
            dealId={deal.id}
            version={deal.version}
            stage={deal.stage}
            items={items}
            values={values}
            users={users}
          />
          <ProposalsPanel
            newHref={`/proposals/new?dealId=${deal.id}`}
            empty="No proposals for this deal yet."
            proposals={proposals}
            locale={viewer.locale}
          />
        </div>
        <div className="space-y-6">
          <StageControl
            key={deal.version}
            deal={{
              id: deal.id,
              name: deal.name,
              version: deal.version,
              stage: deal.stage,
              lostReason: deal.lostReason,
            }}
          />
          <StageHistory history={history} viewer={viewerFormat(viewer)} />
          <FilesPanel recordKind="deal" recordId={deal.id} viewer={viewer} />
          <RecordCampaignsPanel viewer={viewer} record={{ dealId: deal.id }} />
          <MaterialsPanel viewer={viewer} record={{ clientId: deal.clientId, dealId: deal.id }} />
        </div>
      </div>
    </>
  );
}

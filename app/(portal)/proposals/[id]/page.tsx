import { FileDown } from 'lucide-react';
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { CreateContractButton } from '@/components/contracts/create-contract-button';
import { FilesPanel } from '@/components/documents/files-panel';
import { ProposalEditor } from '@/components/proposals/proposal-editor';
import {
  ClientActivity,
  ProposalBody,
  ReviewHistory,
} from '@/components/proposals/proposal-record';
import { ProposalStatusBadge } from '@/components/proposals/proposal-status-badge';
import {
  ProposalSteps,
  ShareLinkPanel,
  ProposalFormsProvider,
  type StepName,
} from '@/components/proposals/proposal-steps';
import { ProposalVersions } from '@/components/proposals/proposal-versions';
import { ReviewPanel } from '@/components/proposals/review-panel';
import { BackLink } from '@/components/ui/back-link';
import { buttonClasses } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/card';
import { dealStageLabels } from '@/lib/deals';
import { formatDate, formatDateTime, viewerFormat } from '@/lib/format';
import { requirePermission } from '@/server/auth/session';
import { listProposalContracts } from '@/server/contracts/queries';
import { proposalAbilities } from '@/server/proposals/abilities';
import { getProposalPage, listReviewers } from '@/server/proposals/queries';
import { getCurrentMergeValues } from '@/server/proposals/readiness';
import { getReviewSettings } from '@/server/settings/queries';
import { AttachedMaterialsPanel } from '@/components/materials/attached-materials-panel';

export const metadata: Metadata = { title: 'Proposal' };

/** Where share links start, as the client will open them. */
async function shareOrigin() {
  const requestHeaders = await headers();
  return (
    process.env.APP_URL ??
    `${requestHeaders.get('x-forwarded-proto') ?? 'http'}://${requestHeaders.get('host')}`
  );
}

export default async function ProposalPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePermission('clients.read');
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const [page, settings, reviewers, contracts] = await Promise.all([
    getProposalPage(viewer, id.data),
    getReviewSettings(),
    listReviewers(viewer),
    listProposalContracts(viewer, id.data),
  ]);
  const { proposal, versions, reviews, views, viewTotals } = page;
  const can = proposalAbilities(viewer, proposal, settings.reviewThresholdCents);
  const steps: StepName[] = [];
  if (can.submit) steps.push('submit');
  if (can.send) steps.push('send');
  if (can.revise) steps.push('revise');
  if (can.withdraw) steps.push('withdraw');
  return (
    <>
      <BackLink href="/proposals">All proposals</BackLink>
      <PageHeader
        title={proposal.title}
        description={`For ${proposal.clientName}${proposal.dealName ? ` · deal ${proposal.dealName}` : ''} · by ${proposal.authorName ?? 'a former user'}`}
        actions={
          <div className="flex items-center gap-3">
            <ProposalStatusBadge status={proposal.status} />
            <a href={`/proposals/${proposal.id}/pdf`} className={buttonClasses('secondary')}>
              <FileDown aria-hidden className="size-4" />
              PDF
            </a>
          </div>
        }
      />
      <div className="mb-6 flex flex-wrap items-center gap-x-6 gap-y-2 text-sm text-slate-600">
        <Link href={`/clients/${proposal.clientId}`} className="text-brand-700 hover:underline">
          {proposal.clientName}
        </Link>
        {proposal.dealId ? (
          <Link href={`/deals/${proposal.dealId}`} className="text-brand-700 hover:underline">
            Deal: {proposal.dealName}
            {proposal.dealStage ? ` (${dealStageLabels[proposal.dealStage]})` : ''}
          </Link>
        ) : null}
        {proposal.templateName ? <span>Template: {proposal.templateName}</span> : null}
        {proposal.status === 'in_review' && proposal.reviewDueAt ? (
          <span>Review due {formatDateTime(proposal.reviewDueAt, viewer)}</span>
        ) : null}
        {proposal.escalatedAt ? (
          <span>
            Escalated to {proposal.backupReviewerName ?? 'the managers'} on{' '}
            {formatDateTime(proposal.escalatedAt, viewer)}
          </span>
        ) : null}
      </div>
      <ProposalFormsProvider key={proposal.id}>
        <div className="space-y-6">
          {proposal.status === 'accepted' ? (
            <Card title="Contract">
              {contracts.length > 0 ? (
                <ul className="mb-3 space-y-1 text-sm">
                  {contracts.map((contract) => (
                    <li key={contract.id}>
                      <Link
                        href={`/contracts/${contract.id}`}
                        className="font-medium text-brand-700 hover:underline"
                      >
                        {contract.title}
                      </Link>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="mb-3 text-sm text-slate-600">
                  The client accepted: draft the contract from this proposal.
                </p>
              )}
              <CreateContractButton
                from={{ proposalId: proposal.id }}
                variant={contracts.length > 0 ? 'secondary' : 'primary'}
              />
            </Card>
          ) : null}
          {steps.length > 0 || can.sendTooLate ? (
            <Card title="Next step">
              <ProposalSteps id={proposal.id} version={proposal.version} allowed={steps} />
              {can.sendTooLate ? (
                <p className="text-sm text-slate-600">
                  Its valid-until date ({formatDate(proposal.validUntil, viewer)}) has passed, so it
                  cannot be sent.{' '}
                  {proposal.status === 'draft'
                    ? 'Change the date to send it.'
                    : 'Withdraw it and draft a new one.'}
                </p>
              ) : null}
            </Card>
          ) : null}
          {can.makeShareLink || can.revokeShareLink ? (
            <Card title="Client link">
              <ShareLinkPanel
                id={proposal.id}
                version={proposal.version}
                origin={await shareOrigin()}
                linkMadeAt={
                  proposal.shareTokenHash
                    ? formatDateTime(proposal.shareLinkCreatedAt, viewer)
                    : null
                }
                canMake={can.makeShareLink}
                canRevoke={can.revokeShareLink}
              />
            </Card>
          ) : null}
          {can.review ? (
            <Card title="Your review">
              <ReviewPanel id={proposal.id} version={proposal.version} />
            </Card>
          ) : null}
          {can.edit ? (
            <Card title="Draft">
              <ProposalEditor
                key={proposal.version}
                draft={{
                  id: proposal.id,
                  version: proposal.version,
                  title: proposal.title,
                  body: proposal.body,
                  amount: (proposal.amountCents / 100).toFixed(2),
                  currency: proposal.currency,
                  validUntil: proposal.validUntil ?? '',
                  reviewerId: proposal.reviewerId ?? '',
                }}
                reviewers={reviewers.filter((reviewer) => reviewer.id !== proposal.authorId)}
                mergeValues={await getCurrentMergeValues(viewer, proposal.id)}
                clientHref={`/clients/${proposal.clientId}`}
                dealHref={proposal.dealId ? `/deals/${proposal.dealId}` : null}
              />
            </Card>
          ) : (
            <ProposalBody proposal={proposal} viewer={viewerFormat(viewer)} />
          )}
          <div className="grid gap-6 lg:grid-cols-2">
            <ReviewHistory reviews={reviews} viewer={viewerFormat(viewer)} />
            <ClientActivity
              proposal={proposal}
              views={views}
              totals={viewTotals}
              viewer={viewerFormat(viewer)}
            />
          </div>
          <ProposalVersions versions={versions} viewer={viewerFormat(viewer)} />
          <FilesPanel recordKind="proposal" recordId={proposal.id} viewer={viewer} />
          <AttachedMaterialsPanel
            viewer={viewer}
            target={{ kind: 'proposal', id: proposal.id, clientId: proposal.clientId }}
            description="Ready materials the client downloads from the proposal's share link."
          />
        </div>
      </ProposalFormsProvider>
    </>
  );
}

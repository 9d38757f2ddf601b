import { FileDown } from 'lucide-react';
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
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
  type StepName,
} from '@/components/proposals/proposal-steps';
import { ProposalVersions } from '@/components/proposals/proposal-versions';
import { ReviewPanel } from '@/components/proposals/review-panel';
import { BackLink } from '@/components/ui/back-link';
import { buttonClasses } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/card';
import { dealStageLabels } from '@/lib/deals';
import { formatDateTime, viewerFormat } from '@/lib/format';
import { requirePermission } from '@/server/auth/session';
import { proposalAbilities } from '@/server/proposals/abilities';
import { getProposalPage, listReviewers } from '@/server/proposals/queries';
import { getReviewSettings } from '@/server/settings/queries';

export const metadata: Metadata = { title: 'Proposal' };

/** The public address of a share link, as the client will open it. */
async function shareUrl(token: string) {
  const requestHeaders = await headers();
  const origin =
    process.env.APP_URL ??
    `${requestHeaders.get('x-forwarded-proto') ?? 'http'}://${requestHeaders.get('host')}`;
  return new URL(`/p/${token}`, origin).toString();
}

export default async function ProposalPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePermission('clients.read');
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const [page, settings, reviewers] = await Promise.all([
    getProposalPage(viewer, id.data),
    getReviewSettings(),
    listReviewers(viewer),
  ]);
  const { proposal, versions, reviews, views } = page;
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
      <div className="space-y-6">
        {steps.length > 0 ? (
          <Card title="Next step">
            <ProposalSteps id={proposal.id} version={proposal.version} allowed={steps} />
          </Card>
        ) : null}
        {can.share ? (
          <Card title="Client link">
            <ShareLinkPanel
              id={proposal.id}
              version={proposal.version}
              url={proposal.shareToken ? await shareUrl(proposal.shareToken) : null}
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
            />
          </Card>
        ) : (
          <ProposalBody proposal={proposal} viewer={viewerFormat(viewer)} />
        )}
        <div className="grid gap-6 lg:grid-cols-2">
          <ReviewHistory reviews={reviews} viewer={viewerFormat(viewer)} />
          <ClientActivity proposal={proposal} views={views} viewer={viewerFormat(viewer)} />
        </div>
        <ProposalVersions versions={versions} viewer={viewerFormat(viewer)} />
      </div>
    </>
  );
}

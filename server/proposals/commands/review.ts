import 'server-only';
import type { NotificationKind } from '@/db/schema';
import { proposalReviews } from '@/db/schema';
import { reviewDecisionLabels, reviewDecisionTransition } from '@/lib/proposals';
import { proposalStepSchema, reviewProposalSchema } from '@/lib/validation/proposals';
import { defineAction } from '@/server/action';
import { can } from '@/server/auth/permissions';
import { ActionError, conflict, forbidden } from '@/server/errors';
import { notify } from '@/server/notifications/notify';
import { getReviewSettings } from '@/server/settings/queries';
import { proposalRecord } from '../abilities';
import { assertReadyToLeave } from '../readiness';
import {
  assertReviewer,
  changeStatus,
  lockProposal,
  proposalHref,
  snapshotVersion,
  statusAfter,
} from './lifecycle';

export const submitProposalCommand = defineAction({
  schema: proposalStepSchema,
  permission: 'proposals.submit',
  async run(input, context) {
    const { tx, user } = context;
    const proposal = await lockProposal(tx, user, input.id, input.version);
    if (!can(user, 'proposals.submit', { authorId: proposal.authorId })) {
      throw forbidden('Only the author can submit this proposal for review.');
    }
    statusAfter(proposal, 'submit');
    if (!proposal.reviewerId) {
      throw new ActionError('Choose a reviewer before submitting.', {
        reviewerId: ['Choose a reviewer.'],
      });
    }
    if (!proposal.body.trim()) throw conflict('Write the proposal before submitting it.');
    await assertReviewer(tx, proposal.reviewerId, proposal.authorId, proposal.clientId);
    const ready = await assertReadyToLeave(tx, proposal, user, 'submitted');
    const settings = await getReviewSettings();
    const number = await snapshotVersion(tx, ready, user.id);
    const now = new Date();
    const updated = await changeStatus(context, proposal, 'submit', {
      versionCount: number,
      submittedAt: now,
      reviewDueAt: new Date(now.getTime() + settings.reviewDueHours * 3_600_000),
      escalatedAt: null,
      backupReviewerId: null,
      decidedAt: null,
    });
    await notify(
      tx,
      [proposal.reviewerId],
      {
        kind: 'review_requested',
        title: `Review requested: ${proposal.title}`,
        body: `${user.name} submitted version ${number} for your review.`,
        href: proposalHref(proposal.id),
        clientId: proposal.clientId,
      },
      user.id,
    );
    return { status: updated.status };
  },
});

const decisionNotice: Record<
  keyof typeof reviewDecisionTransition,
  { kind: NotificationKind; verb: string }
> = {
  approved: { kind: 'proposal_approved', verb: 'approved' },
  changes_requested: { kind: 'changes_requested', verb: 'requested changes to' },
  rejected: { kind: 'proposal_rejected', verb: 'rejected' },
};

export const reviewProposalCommand = defineAction({
  schema: reviewProposalSchema,
  permission: 'proposals.review',
  async run(input, context) {
    const { tx, user } = context;
    const proposal = await lockProposal(tx, user, input.id, input.version);
    if (proposal.authorId === user.id) {
      throw forbidden('You cannot review your own proposal.');
    }
    if (!can(user, 'proposals.review', proposalRecord({ ...proposal, clientOwnerId: null }))) {
      throw forbidden('This proposal is assigned to another reviewer.');
    }
    const transition = reviewDecisionTransition[input.decision];
    statusAfter(proposal, transition);
    await tx.insert(proposalReviews).values({
      proposalId: proposal.id,
      versionNumber: proposal.versionCount,
      reviewerId: user.id,
      decision: input.decision,
      comment: input.comment ?? null,
      submittedAt: proposal.submittedAt ?? new Date(),
    });
    await changeStatus(
      context,
      proposal,
      transition,
      { decidedAt: new Date() },
      input.comment ?? undefined,
    );
    const notice = decisionNotice[input.decision];
    await notify(
      tx,
      [proposal.authorId],
      {
        kind: notice.kind,
        title: `${reviewDecisionLabels[input.decision]}: ${proposal.title}`,
        body: `${user.name} ${notice.verb} your proposal.${input.comment ? ` “${input.comment}”` : ''}`,
        href: proposalHref(proposal.id),
        clientId: proposal.clientId,
      },
      user.id,
    );
    return { decision: input.decision };
  },
});

export const reviseProposalCommand = defineAction({
  schema: proposalStepSchema,
  permission: 'proposals.write',
  async run(input, context) {
    const proposal = await lockProposal(context.tx, context.user, input.id, input.version);
    const updated = await changeStatus(context, proposal, 'revise');
    return { status: updated.status };
  },
});

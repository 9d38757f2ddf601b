import 'server-only';
import {
  isProposalEditable,
  nextProposalStatus,
  requiresReview,
  validUntilPassed,
  type ProposalStatus,
} from '@/lib/proposals';
import type { Role } from '@/lib/roles';
import { can } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';

type ProposalFacts = {
  status: ProposalStatus;
  authorId: string | null;
  authorRole: Role | null;
  reviewerId: string | null;
  backupReviewerId: string | null;
  clientOwnerId: string | null;
  amountCents: number;
  validUntil: string | null;
  shareTokenHash: string | null;
};

/**
 * Who may send, withdraw or share a proposal, or revoke its client link: its author, the account
 * owner, or a manager.
 */
export function maySendProposal(
  viewer: CurrentUser,
  proposal: Pick<ProposalFacts, 'authorId' | 'clientOwnerId'>,
) {
  return (
    can(viewer, 'proposals.write') &&
    (viewer.role === 'manager' ||
      proposal.authorId === viewer.id ||
      proposal.clientOwnerId === viewer.id)
  );
}

/** The assigned reviewer (or, once escalated, the backup reviewer) or a manager; never the author. */
export function mayReviewProposal(
  viewer: CurrentUser,
  proposal: Pick<ProposalFacts, 'authorId' | 'reviewerId' | 'backupReviewerId'>,
) {
  if (proposal.authorId === viewer.id) return false;
  const record = { authorId: proposal.authorId ?? '', reviewerId: proposal.reviewerId };
  return (
    can(viewer, 'proposals.review', record) ||
    (proposal.backupReviewerId === viewer.id &&
      can(viewer, 'proposals.review', { ...record, reviewerId: viewer.id }))
  );
}

/**
 * What the viewer may do to a proposal now: the same rules the commands enforce, asked up front
 * so the page offers only the buttons that will work.
 */
export function proposalAbilities(
  viewer: CurrentUser,
  proposal: ProposalFacts,
  reviewThresholdCents: number,
) {
  const maySend = maySendProposal(viewer, proposal);
  const allows = (transition: Parameters<typeof nextProposalStatus>[1]) =>
    nextProposalStatus(proposal.status, transition) !== null;
  const sendDirect =
    allows('sendWithoutReview') &&
    !requiresReview(
      proposal.amountCents,
      reviewThresholdCents,
      proposal.authorRole ?? 'coordinator',
    );
  const stillValid = !validUntilPassed(proposal.validUntil);
  const sendable = maySend && (allows('send') || sendDirect);
  return {
    edit: isProposalEditable(proposal.status) && can(viewer, 'proposals.write'),
    submit: allows('submit') && can(viewer, 'proposals.submit', { authorId: proposal.authorId }),
    review: allows('approve') && mayReviewProposal(viewer, proposal),
    revise: allows('revise') && can(viewer, 'proposals.write'),
    send: sendable && stillValid,
    /** It could be sent but for its valid-until date, which has passed. */
    sendTooLate: sendable && !stillValid,
    withdraw: maySend && allows('withdraw'),
    makeShareLink: maySend && proposal.status === 'sent' && stillValid,
    revokeShareLink: maySend && proposal.shareTokenHash !== null,
  };
}

import 'server-only';
import {
  isProposalEditable,
  nextProposalStatus,
  requiresReview,
  validUntilPassed,
  type ProposalStatus,
} from '@/lib/proposals';
import type { Role } from '@/lib/roles';
import { can, type OwnedRecord, type Permission } from '@/server/auth/permissions';
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

/** The fields of a proposal the permission matrix's record rules look at. */
export function proposalRecord(
  proposal: Pick<ProposalFacts, 'authorId' | 'reviewerId' | 'backupReviewerId' | 'clientOwnerId'>,
): OwnedRecord {
  return {
    authorId: proposal.authorId,
    ownerId: proposal.clientOwnerId,
    reviewerId: proposal.reviewerId,
    backupReviewerId: proposal.backupReviewerId,
  };
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
  const record = proposalRecord(proposal);
  const may = (permission: Permission) => can(viewer, permission, record);
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
  const sendable = may('proposals.send') && (allows('send') || sendDirect);
  return {
    edit: isProposalEditable(proposal.status) && may('proposals.write'),
    submit: allows('submit') && may('proposals.submit'),
    review: allows('approve') && may('proposals.review'),
    revise: allows('revise') && may('proposals.write'),
    send: sendable && stillValid,
    /** It could be sent but for its valid-until date, which has passed. */
    sendTooLate: sendable && !stillValid,
    withdraw: may('proposals.withdraw') && allows('withdraw'),
    makeShareLink: may('proposals.shareLink') && proposal.status === 'sent' && stillValid,
    revokeShareLink: may('proposals.shareLink') && proposal.shareTokenHash !== null,
  };
}

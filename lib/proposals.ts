export const proposalStatuses = [
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'rejected',
  'sent',
  'accepted',
  'declined',
  'expired',
  'withdrawn',
] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];

export const proposalStatusLabels: Record<ProposalStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  changes_requested: 'Changes requested',
  approved: 'Approved',
  rejected: 'Rejected',
  sent: 'Sent',
  accepted: 'Accepted',
  declined: 'Declined',
  expired: 'Expired',
  withdrawn: 'Withdrawn',
};

/** Everything that moves a proposal, by whom it is done. */
export type ProposalTransition =
  | 'submit'
  | 'approve'
  | 'requestChanges'
  | 'reject'
  | 'revise'
  | 'send'
  | 'sendWithoutReview'
  | 'accept'
  | 'decline'
  | 'expire'
  | 'withdraw';

/** DESIGN.md's proposal life cycle: transition → the statuses it may start from → where it ends. */
export const proposalTransitions: Record<
  ProposalTransition,
  { from: readonly ProposalStatus[]; to: ProposalStatus }
> = {
  submit: { from: ['draft'], to: 'in_review' },
  approve: { from: ['in_review'], to: 'approved' },
  requestChanges: { from: ['in_review'], to: 'changes_requested' },
  reject: { from: ['in_review'], to: 'rejected' },
  revise: { from: ['changes_requested'], to: 'draft' },
  send: { from: ['approved'], to: 'sent' },
  sendWithoutReview: { from: ['draft'], to: 'sent' },
  accept: { from: ['sent'], to: 'accepted' },
  decline: { from: ['sent'], to: 'declined' },
  expire: { from: ['sent'], to: 'expired' },
  withdraw: {
    from: ['draft', 'in_review', 'changes_requested', 'approved', 'sent'],
    to: 'withdrawn',
  },
};

/** The status a transition leads to, or null when it cannot start from `status`. */
export function nextProposalStatus(
  status: ProposalStatus,
  transition: ProposalTransition,
): ProposalStatus | null {
  const rule = proposalTransitions[transition];
  return rule.from.includes(status) ? rule.to : null;
}

/** The body, title, amount and validity can be changed only while the proposal is a draft. */
export function isProposalEditable(status: ProposalStatus): boolean {
  return status === 'draft';
}

/**
 * Whether a proposal must be reviewed before it is sent: always above the threshold, and always
 * when a coordinator wrote it; executives and managers may send small ones directly.
 */
export function requiresReview(
  amountCents: number,
  thresholdCents: number,
  authorRole: 'coordinator' | 'executive' | 'manager',
): boolean {
  return authorRole === 'coordinator' || amountCents > thresholdCents;
}

export const reviewDecisions = ['approved', 'changes_requested', 'rejected'] as const;
export type ReviewDecision = (typeof reviewDecisions)[number];
export const reviewDecisionLabels: Record<ReviewDecision, string> = {
  approved: 'Approved',
  changes_requested: 'Changes requested',
  rejected: 'Rejected',
};
export const reviewDecisionTransition: Record<ReviewDecision, ProposalTransition> = {
  approved: 'approve',
  changes_requested: 'requestChanges',
  rejected: 'reject',
};

/** Whether a valid-until date (YYYY-MM-DD) is over: a proposal is valid all that day, in UTC. */
export function validUntilPassed(validUntil: string | null, now = new Date()): boolean {
  return validUntil !== null && validUntil < now.toISOString().slice(0, 10);
}

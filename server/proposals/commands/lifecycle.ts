import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { proposals, proposalVersions, type Proposal } from '@/db/schema';
import { nextProposalStatus, proposalStatusLabels, type ProposalTransition } from '@/lib/proposals';
import type { ActionContext } from '@/server/action';
import type { CurrentUser } from '@/server/auth/session';
import { recordActivity } from '@/server/clients/records';
import { userSeesClient } from '@/server/clients/visibility';
import { ActionError, conflict, notFound } from '@/server/errors';
import { lockVisibleRecord } from '@/server/lock-record';
import { isActiveReviewer } from '@/server/users/reviewers';
import { visibleProposals } from '../visibility';

// What the drafting, review and sending commands share: the lock, the state machine, the reviewer
// rule, the numbered snapshot and the status change with its audit entry and timeline line.

/** Locks a proposal the user may see, refusing it when the form read an older version. */
export async function lockProposal(
  tx: Transaction,
  user: CurrentUser,
  id: string,
  version: number,
) {
  const visibility = await visibleProposals(user);
  return lockVisibleRecord(tx, proposals, 'proposal', { id, visibility, version });
}

/** The status `transition` leads to from the proposal's status, or a clear refusal. */
export function statusAfter(proposal: Proposal, transition: ProposalTransition) {
  const next = nextProposalStatus(proposal.status, transition);
  if (!next) {
    throw conflict(
      `A proposal that is ${proposalStatusLabels[proposal.status].toLowerCase()} cannot be changed that way.`,
    );
  }
  return next;
}

/** A reviewer must be an active executive or manager other than the author who sees the account. */
export async function assertReviewer(
  tx: Transaction,
  reviewerId: string,
  authorId: string | null,
  clientId: string,
) {
  if (reviewerId === authorId) {
    throw new ActionError('Check the highlighted fields.', {
      reviewerId: ['The author cannot review their own proposal. Choose someone else.'],
    });
  }
  if (!(await isActiveReviewer(tx, reviewerId))) {
    throw new ActionError('Check the highlighted fields.', {
      reviewerId: ['Choose an active executive or manager.'],
    });
  }
  // Under `assigned` the review would wait, unseen, in nobody's queue.
  if (!(await userSeesClient(tx, reviewerId, clientId))) {
    throw new ActionError('Check the highlighted fields.', {
      reviewerId: ['Choose a reviewer who can see this account.'],
    });
  }
}

/** Snapshots what is being submitted or sent as the next numbered version. */
export async function snapshotVersion(tx: Transaction, proposal: Proposal, actorId: string) {
  const number = proposal.versionCount + 1;
  await tx.insert(proposalVersions).values({
    proposalId: proposal.id,
    number,
    title: proposal.title,
    body: proposal.body,
    amountCents: proposal.amountCents,
    currency: proposal.currency,
    validUntil: proposal.validUntil,
    createdById: actorId,
  });
  return number;
}

/** Writes a status change with its audit entry and timeline line; returns the updated row. */
export async function changeStatus(
  { tx, user, audit }: ActionContext,
  proposal: Proposal,
  transition: ProposalTransition,
  changes: Partial<typeof proposals.$inferInsert> = {},
  note?: string,
) {
  const status = statusAfter(proposal, transition);
  const [updated] = await tx
    .update(proposals)
    .set({ ...changes, status, version: sql`${proposals.version} + 1` })
    .where(eq(proposals.id, proposal.id))
    .returning();
  if (!updated) throw notFound('proposal');
  await audit({
    action: `proposal.${transition}`,
    entityType: 'proposal',
    entityId: proposal.id,
    before: { status: proposal.status },
    after: { status, ...(note ? { comment: note } : {}) },
  });
  await recordActivity(tx, {
    clientId: proposal.clientId,
    kind: 'proposal',
    subject: `Proposal “${proposal.title}” ${proposalStatusLabels[status].toLowerCase()}`,
    body: note ?? null,
    actorId: user.id,
  });
  return updated;
}

export function proposalHref(id: string) {
  return `/proposals/${id}`;
}

import 'server-only';
import { and, eq, isNotNull, not, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { clients, proposals, users } from '@/db/schema';
import { truncate } from '@/lib/utils';
import type { ActionContext } from '@/server/action';
import { recordActivity } from '@/server/clients/records';
import { seesClientWhenAssigned } from '@/server/clients/visibility';
import { notify } from '@/server/notifications/notify';
import { readRecordVisibility, readReviewSettings } from '@/server/settings/queries';
import { isActiveReviewer } from '@/server/users/reviewers';
import { reviewNoticeColumns, reviewNoticeLead } from './review-notice';

const reviewers = alias(users, 'reviewers');
const backups = alias(users, 'backups');

/**
 * Under `assigned` record visibility, moves the reviews whose reviewer no longer sees the account
 * (the setting was switched, the account reassigned away, a reviewer's role changed), which would
 * otherwise wait unseen until they are overdue. The review goes to the backup reviewer from the
 * review settings when they see the account and did not write the proposal, otherwise to the
 * managers, whose queue holds every review; the managers and the new reviewer are notified. An
 * escalated backup who lost sight of the account is dropped. `scope` narrows the search to one
 * client or one user's reviews. Runs in the caller's transaction; returns how many moved.
 */
export async function rerouteHiddenReviews(
  { tx, user, audit }: ActionContext,
  scope: { clientId?: string; userId?: string },
) {
  if ((await readRecordVisibility(tx)) !== 'assigned') return 0;
  const reviewerSees = seesClientWhenAssigned(reviewers.id, reviewers.role, proposals.clientId);
  const backupSees = seesClientWhenAssigned(backups.id, backups.role, proposals.clientId);
  const { backupReviewerId: settingsBackupId } = await readReviewSettings(tx);
  const [candidate] =
    settingsBackupId && (await isActiveReviewer(tx, settingsBackupId))
      ? await tx
          .select({ id: users.id, name: users.name, role: users.role })
          .from(users)
          .where(eq(users.id, settingsBackupId))
      : [];
  const candidateSees = candidate
    ? seesClientWhenAssigned(sql`${candidate.id}::uuid`, sql`${candidate.role}`, proposals.clientId)
    : sql`false`;

  const stuck = await tx
    .select({
      ...reviewNoticeColumns,
      reviewerId: proposals.reviewerId,
      reviewerSees: sql<boolean>`coalesce(${reviewerSees}, false)`,
      backupSees: sql<boolean>`coalesce(${backupSees}, false)`,
      candidateSees: sql<boolean>`${candidateSees}`,
    })
    .from(proposals)
    .innerJoin(clients, eq(clients.id, proposals.clientId))
    .leftJoin(reviewers, eq(reviewers.id, proposals.reviewerId))
    .leftJoin(backups, eq(backups.id, proposals.backupReviewerId))
    .where(
      and(
        eq(proposals.status, 'in_review'),
        scope.clientId ? eq(proposals.clientId, scope.clientId) : undefined,
        scope.userId
          ? or(eq(proposals.reviewerId, scope.userId), eq(proposals.backupReviewerId, scope.userId))
          : undefined,
        or(
          and(isNotNull(proposals.reviewerId), not(reviewerSees)),
          and(isNotNull(proposals.backupReviewerId), not(backupSees)),
        ),
      ),
    )
    .for('update', { of: proposals });
  if (stuck.length === 0) return 0;

  const managers = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'manager'), eq(users.active, true)));

  for (const proposal of stuck) {
    const reviewerLost = proposal.reviewerId !== null && !proposal.reviewerSees;
    const backupTakesOver =
      reviewerLost &&
      candidate !== undefined &&
      proposal.candidateSees &&
      candidate.id !== proposal.authorId;
    const reviewerId = reviewerLost ? (backupTakesOver ? candidate.id : null) : proposal.reviewerId;
    const backupReviewerId = proposal.backupSees ? proposal.backupReviewerId : null;
    // Like an escalation, this changes who may decide, not what is reviewed: the version stays.
    await tx
      .update(proposals)
      .set({ reviewerId, backupReviewerId })
      .where(eq(proposals.id, proposal.id));
    await audit({
      action: 'proposal.review_rerouted',
      entityType: 'proposal',
      entityId: proposal.id,
      before: { reviewerId: proposal.reviewerId, backupReviewerId: proposal.backupReviewerId },
      after: { reviewerId, backupReviewerId },
    });
    if (!reviewerLost) continue;
    const goesTo = backupTakesOver ? candidate.name : 'the managers';
    await recordActivity(tx, {
      clientId: proposal.clientId,
      kind: 'proposal',
      subject: truncate(`Review of “${proposal.title}” moved to ${goesTo}`, 200),
      body: 'The reviewer no longer sees this account.',
      actorId: user.id,
    });
    await notify(
      tx,
      [reviewerId, ...managers.map((manager) => manager.id)].filter(
        (id) => id !== proposal.authorId,
      ),
      {
        kind: 'review_reassigned',
        title: truncate(`Review reassigned: ${proposal.title}`, 200),
        body: `${reviewNoticeLead(proposal)} The reviewer no longer sees this account; the review is now ${backupTakesOver ? `${candidate.name}’s` : 'for a manager to decide'}.`,
        href: `/proposals/${proposal.id}`,
        clientId: proposal.clientId,
      },
      user.id,
    );
  }
  return stuck.length;
}

import 'server-only';
import { and, asc, eq, isNull, lt, or } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { clients, proposals, users } from '@/db/schema';
import { truncate } from '@/lib/utils';
import { recordAudit } from '@/server/audit/record-audit';
import { recordActivity } from '@/server/clients/records';
import { userSeesClient } from '@/server/clients/visibility';
import { notify } from '@/server/notifications/notify';
import { reviewNoticeColumns, reviewNoticeLead } from '@/server/proposals/review-notice';
import { readReviewSettings } from '@/server/settings/queries';

const batchSize = 100;

/**
 * Escalates reviews that are past due (DESIGN.md §2): the backup reviewer from the settings may
 * then decide too, and they and the managers are notified. Each proposal is escalated once; rows
 * another instance holds are skipped. Returns how many were escalated.
 */
export async function escalateOverdueReviews(database: Database, now: Date) {
  return database.transaction(async (tx) => {
    const overdue = await tx
      .select(reviewNoticeColumns)
      .from(proposals)
      .innerJoin(clients, eq(clients.id, proposals.clientId))
      .where(
        and(
          eq(proposals.status, 'in_review'),
          lt(proposals.reviewDueAt, now),
          isNull(proposals.escalatedAt),
        ),
      )
      .orderBy(asc(proposals.reviewDueAt))
      .limit(batchSize)
      .for('update', { of: proposals, skipLocked: true });
    if (overdue.length === 0) return 0;

    const settings = await readReviewSettings(tx);
    const escalateTo = await tx
      .select({ id: users.id, role: users.role })
      .from(users)
      .where(
        and(
          eq(users.active, true),
          settings.backupReviewerId
            ? or(eq(users.role, 'manager'), eq(users.id, settings.backupReviewerId))
            : eq(users.role, 'manager'),
        ),
      );
    // A backup reviewer deactivated since the setting was saved is passed over.
    const settingsBackupId =
      escalateTo.find((user) => user.id === settings.backupReviewerId)?.id ?? null;
    const managerIds = escalateTo.filter((user) => user.role === 'manager').map((user) => user.id);

    for (const proposal of overdue) {
      // Under `assigned` visibility a backup who cannot see the account is passed over.
      const backupReviewerId =
        settingsBackupId && (await userSeesClient(tx, settingsBackupId, proposal.clientId))
          ? settingsBackupId
          : null;
      // The version stays: escalation changes who else may decide, not what is being reviewed.
      await tx
        .update(proposals)
        .set({ escalatedAt: now, backupReviewerId })
        .where(eq(proposals.id, proposal.id));
      await recordAudit(tx, {
        actorId: null,
        action: 'proposal.escalated',
        entityType: 'proposal',
        entityId: proposal.id,
        before: { escalatedAt: null, backupReviewerId: proposal.backupReviewerId },
        after: { escalatedAt: now.toISOString(), backupReviewerId },
      });
      await recordActivity(tx, {
        clientId: proposal.clientId,
        kind: 'proposal',
        subject: truncate(`Overdue review of “${proposal.title}” escalated`, 200),
        actorId: null,
      });
      await notify(
        tx,
        [backupReviewerId, ...managerIds].filter((id) => id !== proposal.authorId),
        {
          kind: 'review_escalated',
          title: truncate(`Overdue review: ${proposal.title}`, 200),
          body: `${reviewNoticeLead(proposal)} The review is past due and has been escalated to you.`,
          href: `/proposals/${proposal.id}`,
          clientId: proposal.clientId,
        },
      );
    }
    return overdue.length;
  });
}

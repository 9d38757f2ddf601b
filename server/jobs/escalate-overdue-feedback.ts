import 'server-only';
import { and, asc, eq, isNull, lt, ne } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { clients, feedback, users } from '@/db/schema';
import { feedbackSentimentLabels } from '@/lib/feedback';
import { truncate } from '@/lib/utils';
import { recordAudit } from '@/server/audit/record-audit';
import { recordActivity } from '@/server/clients/records';
import { notify } from '@/server/notifications/notify';

const batchSize = 100;

/**
 * Escalates feedback whose current step (acknowledging or resolving) is past its SLA to the active
 * managers: a notification each, which the e-mail job mails. Each item is escalated once, however
 * long it stays overdue; rows another instance holds are skipped. Returns how many were escalated.
 */
export async function escalateOverdueFeedback(database: Database, now: Date) {
  return database.transaction(async (tx) => {
    const overdue = await tx
      .select({
        id: feedback.id,
        clientId: feedback.clientId,
        clientName: clients.name,
        sentiment: feedback.sentiment,
        status: feedback.status,
        nextDueAt: feedback.nextDueAt,
      })
      .from(feedback)
      .innerJoin(clients, eq(clients.id, feedback.clientId))
      .where(
        and(
          ne(feedback.status, 'resolved'),
          lt(feedback.nextDueAt, now),
          isNull(feedback.escalatedAt),
        ),
      )
      .orderBy(asc(feedback.nextDueAt))
      .limit(batchSize)
      .for('update', { of: feedback, skipLocked: true });
    if (overdue.length === 0) return 0;
    const managers = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, 'manager'), eq(users.active, true)));
    for (const item of overdue) {
      // The version stays: escalating changes who knows, not what anyone is editing.
      await tx.update(feedback).set({ escalatedAt: now }).where(eq(feedback.id, item.id));
      await recordAudit(tx, {
        actorId: null,
        action: 'feedback.escalated',
        entityType: 'feedback',
        entityId: item.id,
        before: { escalatedAt: null },
        after: { escalatedAt: now.toISOString(), status: item.status },
      });
      const label = feedbackSentimentLabels[item.sentiment];
      await recordActivity(tx, {
        clientId: item.clientId,
        kind: 'feedback',
        subject: truncate(`Overdue ${label.toLowerCase()} feedback escalated`, 200),
        actorId: null,
      });
      await notify(
        tx,
        managers.map((manager) => manager.id),
        {
          kind: 'feedback_escalated',
          title: truncate(`Overdue feedback: ${item.clientName}`, 200),
          body: `${label} feedback from ${item.clientName} is past its SLA (${
            item.status === 'routed' ? 'not acknowledged' : 'not resolved'
          } in time).`,
          href: `/feedback/${item.id}`,
          clientId: item.clientId,
        },
      );
    }
    return overdue.length;
  });
}

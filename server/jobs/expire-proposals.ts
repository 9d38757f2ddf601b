import 'server-only';
import { and, inArray, lt, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { proposals } from '@/db/schema';
import { proposalTransitions } from '@/lib/proposals';
import { truncate } from '@/lib/utils';
import { recordAudit } from '@/server/audit/record-audit';
import { recordActivity } from '@/server/clients/records';

const batchSize = 500;

/**
 * Marks sent proposals whose valid-until date has passed as expired, with an audit entry and a
 * timeline entry each. A proposal valid until a date is still valid all that day (UTC). Returns how
 * many expired.
 */
export async function expireProposals(database: Database, now: Date) {
  const { from, to } = proposalTransitions.expire;
  const today = now.toISOString().slice(0, 10);
  return database.transaction(async (tx) => {
    const expired = await tx
      .update(proposals)
      .set({ status: to, version: sql`${proposals.version} + 1` })
      .where(
        inArray(
          proposals.id,
          tx
            .select({ id: proposals.id })
            .from(proposals)
            .where(and(inArray(proposals.status, from), lt(proposals.validUntil, today)))
            .limit(batchSize)
            .for('update', { skipLocked: true }),
        ),
      )
      .returning({
        id: proposals.id,
        title: proposals.title,
        clientId: proposals.clientId,
        validUntil: proposals.validUntil,
      });
    for (const proposal of expired) {
      await recordAudit(tx, {
        actorId: null,
        action: 'proposal.expired',
        entityType: 'proposal',
        entityId: proposal.id,
        before: { status: 'sent' },
        after: { status: to, validUntil: proposal.validUntil },
      });
      await recordActivity(tx, {
        clientId: proposal.clientId,
        kind: 'proposal',
        subject: truncate(`Proposal “${proposal.title}” expired`, 200),
        actorId: null,
      });
    }
    return expired.length;
  });
}

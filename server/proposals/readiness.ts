import 'server-only';
import { and, eq } from 'drizzle-orm';
import { forbidden, notFound } from 'next/navigation';
import { db, type Transaction } from '@/db/client';
import { proposals, type Proposal } from '@/db/schema';
import { renderMergeFields, type MergeValues } from '@/lib/merge-fields';
import { readinessGaps } from '@/lib/proposal-readiness';
import { isProposalEditable } from '@/lib/proposals';
import { can } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';
import { ActionError } from '@/server/errors';
import { currentMergeValues } from './merge-values';
import { visibleProposals } from './visibility';

/**
 * Refuses to submit or send a proposal whose amount is zero or whose body still has a `{{…}}`,
 * listing each missing value and where to fill it (as the message, and as `missing`). A draft's
 * body first gets the merge fields whose values exist now, say a deal amount set since it was
 * drafted; the proposal comes back with that body, stored. A reviewed body is checked as it is.
 */
export async function assertReadyToLeave(
  tx: Transaction,
  proposal: Proposal,
  user: CurrentUser,
  step: 'submitted' | 'sent',
): Promise<Proposal> {
  const values = await currentMergeValues(tx, proposal, user);
  const body = isProposalEditable(proposal.status)
    ? renderMergeFields(proposal.body, values)
    : proposal.body;
  const missing = readinessGaps({ body, amountCents: proposal.amountCents }, values).map(
    (gap) => gap.message,
  );
  if (missing.length > 0) {
    const list = missing.map((message) => `• ${message}`).join('\n');
    throw new ActionError(`This proposal cannot be ${step} yet:\n${list}`, { missing });
  }
  if (body !== proposal.body) {
    await tx.update(proposals).set({ body }).where(eq(proposals.id, proposal.id));
  }
  return { ...proposal, body };
}

/** The merge values of a proposal the viewer may see, as they are now: for the draft editor. */
export async function getCurrentMergeValues(
  viewer: CurrentUser,
  proposalId: string,
): Promise<MergeValues> {
  if (!can(viewer, 'clients.read')) forbidden();
  const [proposal] = await db
    .select({
      clientId: proposals.clientId,
      dealId: proposals.dealId,
      authorId: proposals.authorId,
    })
    .from(proposals)
    .where(and(eq(proposals.id, proposalId), await visibleProposals(viewer)));
  if (!proposal) notFound();
  return currentMergeValues(db, proposal, viewer);
}

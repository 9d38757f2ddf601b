import 'server-only';
import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { db, type Transaction } from '@/db/client';
import { clients, deals, proposals, proposalViews, type Proposal } from '@/db/schema';
import { type ActionResult } from '@/lib/action-result';
import { invalidInput } from '@/lib/form-data';
import { isClosedStage } from '@/lib/deals';
import { acceptProposalSchema, declineProposalSchema } from '@/lib/validation/proposals';
import { recordAudit } from '@/server/audit/record-audit';
import { recordActivity } from '@/server/clients/records';
import { moveDealStage } from '@/server/deals/stage';
import { notify } from '@/server/notifications/notify';
import { todayIn } from './merge-values';

/** The statuses in which a share link still shows the proposal (with its outcome once answered). */
const shownStatuses = ['sent', 'accepted', 'declined', 'expired'] as const;

/** What the client sees through a share link, or null when the link is unknown or revoked. */
export async function getSharedProposal(token: string) {
  if (token.length < 20 || token.length > 64) return null;
  const [proposal] = await db
    .select({
      id: proposals.id,
      title: proposals.title,
      body: proposals.body,
      amountCents: proposals.amountCents,
      currency: proposals.currency,
      validUntil: proposals.validUntil,
      status: proposals.status,
      sentAt: proposals.sentAt,
      respondedAt: proposals.respondedAt,
      responderName: proposals.responderName,
      clientName: clients.name,
    })
    .from(proposals)
    .innerJoin(clients, eq(clients.id, proposals.clientId))
    .where(eq(proposals.shareToken, token))
    .limit(1);
  if (!proposal || !(shownStatuses as readonly string[]).includes(proposal.status)) return null;
  return proposal;
}

export type SharedProposal = NonNullable<Awaited<ReturnType<typeof getSharedProposal>>>;

/** Addresses are kept only as a keyed hash: enough to tell repeat views apart, not to find anyone. */
export function hashAddress(address: string | null) {
  if (!address) return null;
  return createHash('sha256')
    .update(`${process.env.AUTH_SECRET ?? ''}:${address}`)
    .digest('hex');
}

/** Records one view of a shared proposal; the author hears about the first one. */
export async function recordProposalView(
  proposalId: string,
  visitor: { address: string | null; userAgent: string | null },
) {
  await db.transaction(async (tx) => {
    const [proposal] = await tx
      .select({
        id: proposals.id,
        title: proposals.title,
        authorId: proposals.authorId,
        clientId: proposals.clientId,
      })
      .from(proposals)
      .where(eq(proposals.id, proposalId))
      .for('update');
    if (!proposal) return;
    const [seen] = await tx
      .select({ id: proposalViews.id })
      .from(proposalViews)
      .where(eq(proposalViews.proposalId, proposalId))
      .limit(1);
    await tx.insert(proposalViews).values({
      proposalId,
      ipHash: hashAddress(visitor.address),
      userAgent: visitor.userAgent?.slice(0, 400) ?? null,
    });
    if (!seen) {
      await notify(tx, [proposal.authorId], {
        kind: 'proposal_viewed',
        title: `Viewed by the client: ${proposal.title}`,
        body: 'The client opened the proposal for the first time.',
        href: `/proposals/${proposal.id}`,
        clientId: proposal.clientId,
      });
    }
  });
}

type Response = { status: 'accepted' | 'declined' };

/** Locks the sent proposal behind `token`, refusing one that is no longer open for an answer. */
async function lockForAnswer(tx: Transaction, token: string): Promise<Proposal> {
  const [proposal] = await tx
    .select()
    .from(proposals)
    .where(eq(proposals.shareToken, token))
    .for('update')
    .limit(1);
  if (!proposal) throw new AnswerRefused('This link is no longer valid.');
  if (proposal.status !== 'sent')
    throw new AnswerRefused('This proposal has already been answered.');
  if (proposal.validUntil && proposal.validUntil < todayIn('UTC')) {
    throw new AnswerRefused('This proposal has expired. Ask your account team for a new one.');
  }
  return proposal;
}

class AnswerRefused extends Error {}

/** The client's answer through the share link: no account, so the token is the permission. */
async function answer(
  token: string,
  outcome: 'accepted' | 'declined',
  details: { name?: string; comment?: string },
  address: string | null,
): Promise<ActionResult<Response>> {
  try {
    await db.transaction(async (tx) => {
      const proposal = await lockForAnswer(tx, token);
      await tx
        .update(proposals)
        .set({
          status: outcome,
          respondedAt: new Date(),
          responderName: details.name ?? null,
          responseComment: details.comment ?? null,
          version: sql`${proposals.version} + 1`,
        })
        .where(eq(proposals.id, proposal.id));
      await recordAudit(tx, {
        actorId: null,
        action: outcome === 'accepted' ? 'proposal.accept' : 'proposal.decline',
        entityType: 'proposal',
        entityId: proposal.id,
        before: { status: proposal.status },
        after: { status: outcome, ...details },
        ip: address,
      });
      await recordActivity(tx, {
        clientId: proposal.clientId,
        kind: 'proposal',
        subject:
          outcome === 'accepted'
            ? `Proposal “${proposal.title}” accepted by ${details.name}`
            : `Proposal “${proposal.title}” declined by the client`,
        body: details.comment ?? null,
        actorId: null,
      });
      if (outcome === 'accepted' && proposal.dealId) {
        const [deal] = await tx
          .select()
          .from(deals)
          .where(eq(deals.id, proposal.dealId))
          .for('update');
        if (deal && !isClosedStage(deal.stage)) await moveDealStage(tx, deal, 'won', null);
      }
      const [client] = await tx
        .select({ ownerId: clients.ownerId })
        .from(clients)
        .where(eq(clients.id, proposal.clientId));
      await notify(tx, [proposal.authorId, client?.ownerId], {
        kind: outcome === 'accepted' ? 'proposal_accepted' : 'proposal_declined',
        title: `${outcome === 'accepted' ? 'Accepted' : 'Declined'} by the client: ${proposal.title}`,
        body:
          outcome === 'accepted'
            ? `${details.name} accepted the proposal.`
            : `The client declined: “${details.comment}”`,
        href: `/proposals/${proposal.id}`,
        clientId: proposal.clientId,
      });
    });
    return { ok: true, data: { status: outcome } };
  } catch (error) {
    if (error instanceof AnswerRefused) return { ok: false, error: error.message };
    throw error;
  }
}

export async function acceptSharedProposal(raw: unknown, address: string | null) {
  const parsed = acceptProposalSchema.safeParse(raw);
  if (!parsed.success) return invalidInput(parsed.error, raw);
  return answer(parsed.data.token, 'accepted', { name: parsed.data.name }, address);
}

export async function declineSharedProposal(raw: unknown, address: string | null) {
  const parsed = declineProposalSchema.safeParse(raw);
  if (!parsed.success) return invalidInput(parsed.error, raw);
  return answer(parsed.data.token, 'declined', { comment: parsed.data.comment }, address);
}

import 'server-only';
import { and, eq, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db, type Transaction } from '@/db/client';
import {
  clients,
  deals,
  proposals,
  proposalViews,
  proposalViewTotals,
  users,
  type Proposal,
} from '@/db/schema';
import { type ActionResult } from '@/lib/action-result';
import { invalidInput } from '@/lib/form-data';
import { isClosedStage } from '@/lib/deals';
import { validUntilPassed } from '@/lib/proposals';
import {
  acceptProposalSchema,
  confirmViewSchema,
  declineProposalSchema,
} from '@/lib/validation/proposals';
import { recordAudit } from '@/server/audit/record-audit';
import type { ClientAddress } from '@/server/auth/client-ip';
import { recordActivity } from '@/server/clients/records';
import { moveDealStage } from '@/server/deals/stage';
import { notify } from '@/server/notifications/notify';
import { getShareLinkSettings } from '@/server/settings/queries';
import { isLinkPreviewAgent } from './link-previews';
import { hashAddress, hashShareToken, shareTokenPattern } from './share-token';

/** The statuses in which a share link still answers (with less and less of the proposal). */
const shownStatuses = ['sent', 'accepted', 'declined', 'expired'] as const;

/** The view log keeps this many requests per proposal; the totals count every one. */
export const proposalViewLogCap = 200;

const authors = alias(users, 'authors');
const owners = alias(users, 'owners');

/** The proposal behind a share link, by the hash of its token. */
async function findSharedRow(token: string) {
  if (!shareTokenPattern.test(token)) return null;
  const [row] = await db
    .select({
      id: proposals.id,
      title: proposals.title,
      body: proposals.body,
      amountCents: proposals.amountCents,
      currency: proposals.currency,
      validUntil: proposals.validUntil,
      status: proposals.status,
      authorId: proposals.authorId,
      clientId: proposals.clientId,
      respondedAt: proposals.respondedAt,
      responderName: proposals.responderName,
      responseComment: proposals.responseComment,
      clientName: clients.name,
      authorName: authors.name,
      authorEmail: authors.email,
      authorActive: authors.active,
      ownerName: owners.name,
      ownerEmail: owners.email,
      ownerActive: owners.active,
    })
    .from(proposals)
    .innerJoin(clients, eq(clients.id, proposals.clientId))
    .leftJoin(authors, eq(authors.id, proposals.authorId))
    .leftJoin(owners, eq(owners.id, clients.ownerId))
    .where(eq(proposals.shareTokenHash, hashShareToken(token)))
    .limit(1);
  if (!row || !(shownStatuses as readonly string[]).includes(row.status)) return null;
  return row;
}

type SharedRow = NonNullable<Awaited<ReturnType<typeof findSharedRow>>>;

/** Who the client should write to: the author, or the account owner when the author has left. */
function contactFor(row: SharedRow) {
  if (row.authorName && row.authorEmail && row.authorActive) {
    return { name: row.authorName, email: row.authorEmail };
  }
  if (row.ownerName && row.ownerEmail && row.ownerActive) {
    return { name: row.ownerName, email: row.ownerEmail };
  }
  return null;
}

/**
 * What the client sees through a share link, or null when the link is unknown or revoked: the
 * whole proposal only while it is open; once answered, the answer for the manager's set number of
 * days; once expired or closed, only that and who to contact.
 */
export async function getSharedProposal(token: string, now = new Date()) {
  const row = await findSharedRow(token);
  if (!row) return null;
  const base = { id: row.id, contact: contactFor(row) };
  if (
    row.status === 'expired' ||
    (row.status === 'sent' && validUntilPassed(row.validUntil, now))
  ) {
    return { ...base, state: 'expired' as const };
  }
  if (row.status === 'sent') {
    return {
      ...base,
      state: 'open' as const,
      proposal: {
        title: row.title,
        body: row.body,
        amountCents: row.amountCents,
        currency: row.currency,
        validUntil: row.validUntil,
        clientName: row.clientName,
      },
    };
  }
  const { answeredLinkDays } = await getShareLinkSettings();
  const answeredWindowMs = answeredLinkDays * 24 * 60 * 60 * 1000;
  if (
    (row.status === 'accepted' || row.status === 'declined') &&
    row.respondedAt &&
    now.getTime() - row.respondedAt.getTime() < answeredWindowMs
  ) {
    return {
      ...base,
      state: 'answered' as const,
      answer: {
        status: row.status,
        title: row.title,
        clientName: row.clientName,
        amountCents: row.amountCents,
        currency: row.currency,
        respondedAt: row.respondedAt,
        responderName: row.responderName,
        responseComment: row.responseComment,
      },
    };
  }
  return { ...base, state: 'closed' as const };
}

export type SharedProposal = NonNullable<Awaited<ReturnType<typeof getSharedProposal>>>;

/**
 * Logs one request for a share link, whoever made it (the client, a link preview, a scanner), and
 * returns the log row for the page to confirm as a real view; null once the proposal's log is at
 * its cap, where the request is only counted.
 */
export async function logShareLinkRequest(
  proposalId: string,
  visitor: { address: string | null; userAgent: string | null },
): Promise<number | null> {
  return db.transaction(async (tx) => {
    const [totals] = await tx
      .insert(proposalViewTotals)
      .values({ proposalId, requests: 1 })
      .onConflictDoUpdate({
        target: proposalViewTotals.proposalId,
        set: { requests: sql`${proposalViewTotals.requests} + 1` },
      })
      .returning({ requests: proposalViewTotals.requests });
    if (!totals || totals.requests > proposalViewLogCap) return null;
    const [row] = await tx
      .insert(proposalViews)
      .values({
        proposalId,
        ipHash: hashAddress(visitor.address),
        userAgent: visitor.userAgent?.slice(0, 400) ?? null,
      })
      .returning({ id: proposalViews.id });
    return row?.id ?? null;
  });
}

/**
 * The page's report, sent by its script once it is shown in a browser: the request becomes a real
 * view, and the author hears about the first one. Link previews never run the script, and those
 * that do and name themselves are not counted. Returns whether the view was counted.
 */
export async function confirmShareLinkView(raw: unknown, userAgent: string | null) {
  const parsed = confirmViewSchema.safeParse(raw);
  if (!parsed.success || isLinkPreviewAgent(userAgent)) return false;
  const shared = await findSharedRow(parsed.data.token);
  if (!shared) return false;
  const { viewId } = parsed.data;
  return db.transaction(async (tx) => {
    if (viewId === null) {
      // Only a request past the log's cap has no row to confirm.
      const [totals] = await tx
        .select({ requests: proposalViewTotals.requests })
        .from(proposalViewTotals)
        .where(eq(proposalViewTotals.proposalId, shared.id));
      if (!totals || totals.requests <= proposalViewLogCap) return false;
    } else {
      const [confirmed] = await tx
        .update(proposalViews)
        .set({ realView: true })
        .where(
          and(
            eq(proposalViews.id, viewId),
            eq(proposalViews.proposalId, shared.id),
            eq(proposalViews.realView, false),
          ),
        )
        .returning({ id: proposalViews.id });
      if (!confirmed) return false;
    }
    const [totals] = await tx
      .update(proposalViewTotals)
      .set({ views: sql`${proposalViewTotals.views} + 1`, lastViewedAt: new Date() })
      // A view is one of the logged requests: repeated reports past the log's cap add nothing.
      .where(
        and(
          eq(proposalViewTotals.proposalId, shared.id),
          lt(proposalViewTotals.views, proposalViewTotals.requests),
        ),
      )
      .returning({ views: proposalViewTotals.views });
    if (!totals) return false;
    if (totals.views === 1) {
      await notify(tx, [shared.authorId], {
        kind: 'proposal_viewed',
        title: `Viewed by the client: ${shared.title}`,
        body: 'The client opened the proposal for the first time.',
        href: `/proposals/${shared.id}`,
        clientId: shared.clientId,
      });
    }
    return true;
  });
}

type Response = { status: 'accepted' | 'declined' };

/** Locks the sent proposal behind `token`, refusing one that is no longer open for an answer. */
async function lockForAnswer(tx: Transaction, token: string): Promise<Proposal> {
  const [proposal] = await tx
    .select()
    .from(proposals)
    .where(eq(proposals.shareTokenHash, hashShareToken(token)))
    .for('update')
    .limit(1);
  if (!proposal) throw new AnswerRefused('This link is no longer valid.');
  if (
    proposal.status === 'expired' ||
    (proposal.status === 'sent' && validUntilPassed(proposal.validUntil))
  ) {
    throw new AnswerRefused('This proposal has expired. Ask your account team for a new one.');
  }
  if (proposal.status !== 'sent') {
    throw new AnswerRefused('This proposal has already been answered.');
  }
  return proposal;
}
class AnswerRefused extends Error {}

/** Where the client's answer came from, and what `X-Forwarded-For` claimed (audit only). */
type AnswerAddress = Pick<ClientAddress, 'reported' | 'forwardedFor'> | null;

/** The client's answer through the share link: no account, so the token is the permission. */
async function answer(
  token: string,
  outcome: 'accepted' | 'declined',
  details: { name?: string; comment?: string },
  address: AnswerAddress,
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
        ip: address?.reported ?? null,
        forwardedFor: address?.forwardedFor ?? null,
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

export async function acceptSharedProposal(raw: unknown, address: AnswerAddress) {
  const parsed = acceptProposalSchema.safeParse(raw);
  if (!parsed.success) return invalidInput(parsed.error, raw);
  return answer(parsed.data.token, 'accepted', { name: parsed.data.name }, address);
}

export async function declineSharedProposal(raw: unknown, address: AnswerAddress) {
  const parsed = declineProposalSchema.safeParse(raw);
  if (!parsed.success) return invalidInput(parsed.error, raw);
  return answer(parsed.data.token, 'declined', { comment: parsed.data.comment }, address);
}

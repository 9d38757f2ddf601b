import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { clients, proposals, users, type Proposal } from '@/db/schema';
import { requiresReview, validUntilPassed } from '@/lib/proposals';
import { proposalStepSchema, shareLinkSchema } from '@/lib/validation/proposals';
import { defineAction } from '@/server/action';
import { can } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';
import { conflict, forbidden } from '@/server/errors';
import { getReviewSettings } from '@/server/settings/queries';
import { proposalRecord } from '../abilities';
import { assertReadyToLeave } from '../readiness';
import { createShareToken } from '../share-token';
import { changeStatus, lockProposal, snapshotVersion, statusAfter } from './lifecycle';

/**
 * Refuses unless the matrix lets the user do `permission` to this proposal: its author, the
 * account owner or a manager.
 */
async function assertMayAnswerFor(
  tx: Transaction,
  user: CurrentUser,
  proposal: Proposal,
  permission: 'proposals.send' | 'proposals.withdraw' | 'proposals.shareLink',
) {
  const [client] = await tx
    .select({ ownerId: clients.ownerId })
    .from(clients)
    .where(eq(clients.id, proposal.clientId));
  const record = proposalRecord({ ...proposal, clientOwnerId: client?.ownerId ?? null });
  if (!can(user, permission, record)) {
    throw forbidden('Only the author, the account owner or a manager can do that.');
  }
}

/** A new client link for the proposal's columns; the token itself is returned once, never stored. */
function newShareLink() {
  const { token, hash } = createShareToken();
  return { token, columns: { shareTokenHash: hash, shareLinkCreatedAt: new Date() } };
}

export const noShareLink = { shareTokenHash: null, shareLinkCreatedAt: null };

/** A proposal whose valid-until date has passed is not offered to the client. */
function assertStillValid(proposal: Proposal) {
  if (validUntilPassed(proposal.validUntil)) {
    throw conflict(
      proposal.status === 'draft'
        ? 'Its valid-until date has passed. Change the date before sending it.'
        : 'Its valid-until date has passed, so it cannot be offered to the client any more.',
    );
  }
}

export const sendProposalCommand = defineAction({
  schema: proposalStepSchema,
  permission: 'proposals.send',
  async run(input, context) {
    const { tx, user } = context;
    const proposal = await lockProposal(tx, user, input.id, input.version);
    await assertMayAnswerFor(tx, user, proposal, 'proposals.send');
    statusAfter(proposal, proposal.status === 'draft' ? 'sendWithoutReview' : 'send');
    assertStillValid(proposal);
    const link = newShareLink();
    if (proposal.status === 'draft') {
      const [author] = await tx
        .select({ role: users.role })
        .from(users)
        .where(eq(users.id, proposal.authorId ?? user.id));
      const { reviewThresholdCents } = await getReviewSettings();
      if (
        requiresReview(proposal.amountCents, reviewThresholdCents, author?.role ?? 'coordinator')
      ) {
        throw conflict('This proposal needs an approved review before it is sent.');
      }
      if (!proposal.body.trim()) throw conflict('Write the proposal before sending it.');
      const ready = await assertReadyToLeave(tx, proposal, user, 'sent');
      const number = await snapshotVersion(tx, ready, user.id);
      const updated = await changeStatus(context, proposal, 'sendWithoutReview', {
        versionCount: number,
        sentAt: new Date(),
        ...link.columns,
      });
      return { status: updated.status, shareToken: link.token };
    }
    await assertReadyToLeave(tx, proposal, user, 'sent');
    const updated = await changeStatus(context, proposal, 'send', {
      sentAt: new Date(),
      ...link.columns,
    });
    return { status: updated.status, shareToken: link.token };
  },
});

export const withdrawProposalCommand = defineAction({
  schema: proposalStepSchema,
  permission: 'proposals.withdraw',
  async run(input, context) {
    const proposal = await lockProposal(context.tx, context.user, input.id, input.version);
    await assertMayAnswerFor(context.tx, context.user, proposal, 'proposals.withdraw');
    const updated = await changeStatus(context, proposal, 'withdraw', noShareLink);
    return { status: updated.status };
  },
});

/**
 * Makes a new client link (replacing the old one) while the proposal is sent and still valid, or
 * revokes the link in any state; the author, the account owner or a manager may do either.
 */
export const setShareLinkCommand = defineAction({
  schema: shareLinkSchema,
  permission: 'proposals.shareLink',
  async run(input, { tx, user, audit }) {
    const proposal = await lockProposal(tx, user, input.id, input.version);
    await assertMayAnswerFor(tx, user, proposal, 'proposals.shareLink');
    if (!input.enabled) {
      if (!proposal.shareTokenHash) throw conflict('This proposal has no client link.');
      await tx
        .update(proposals)
        .set({ ...noShareLink, version: sql`${proposals.version} + 1` })
        .where(eq(proposals.id, proposal.id));
      await audit({
        action: 'proposal.share_link_revoked',
        entityType: 'proposal',
        entityId: proposal.id,
        before: { status: proposal.status },
      });
      return { shared: false as const, shareToken: null };
    }
    if (proposal.status !== 'sent') {
      throw conflict('Only a sent proposal can be shared with the client.');
    }
    assertStillValid(proposal);
    const link = newShareLink();
    await tx
      .update(proposals)
      .set({ ...link.columns, version: sql`${proposals.version} + 1` })
      .where(eq(proposals.id, proposal.id));
    await audit({
      action: 'proposal.share_link_created',
      entityType: 'proposal',
      entityId: proposal.id,
      after: { replacedLink: proposal.shareTokenHash !== null },
    });
    return { shared: true as const, shareToken: link.token };
  },
});

import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import {
  clients,
  deals,
  proposalReviews,
  proposals,
  proposalTemplates,
  proposalTemplateVersions,
  proposalVersions,
  users,
  type NotificationKind,
  type Proposal,
} from '@/db/schema';
import { renderMergeFields } from '@/lib/merge-fields';
import {
  isProposalEditable,
  nextProposalStatus,
  proposalStatusLabels,
  requiresReview,
  reviewDecisionLabels,
  reviewDecisionTransition,
  validUntilPassed,
  type ProposalTransition,
} from '@/lib/proposals';
import {
  createProposalSchema,
  proposalStepSchema,
  reviewProposalSchema,
  shareLinkSchema,
  updateProposalSchema,
} from '@/lib/validation/proposals';
import { defineAction, type ActionContext } from '@/server/action';
import { can } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';
import { lockVisibleClient, recordActivity } from '@/server/clients/records';
import { userSeesClient } from '@/server/clients/visibility';
import { ActionError, staleRecord } from '@/server/errors';
import { notify } from '@/server/notifications/notify';
import { getReviewSettings } from '@/server/settings/queries';
import { maySendProposal, mayReviewProposal } from './abilities';
import { isActiveReviewer } from '@/server/users/reviewers';
import { currentMergeValues, mergeValuesFor } from './merge-values';
import { assertReadyToLeave } from './readiness';
import { createShareToken } from './share-token';
import { visibleProposals } from './visibility';

const notFoundMessage = 'This proposal does not exist or is not visible to you.';

/** Locks a proposal the user may see, refusing it when the form read an older version. */
async function lockProposal(tx: Transaction, user: CurrentUser, id: string, version?: number) {
  const [proposal] = await tx
    .select()
    .from(proposals)
    .where(and(eq(proposals.id, id), await visibleProposals(user)))
    .for('update')
    .limit(1);
  if (!proposal) throw new ActionError(notFoundMessage);
  if (version !== undefined && proposal.version !== version) throw staleRecord('proposal');
  return proposal;
}

/** The status `transition` leads to from the proposal's status, or a clear refusal. */
function statusAfter(proposal: Proposal, transition: ProposalTransition) {
  const next = nextProposalStatus(proposal.status, transition);
  if (!next) {
    throw new ActionError(
      `A proposal that is ${proposalStatusLabels[proposal.status].toLowerCase()} cannot be changed that way.`,
    );
  }
  return next;
}

/** A reviewer must be an active executive or manager other than the author who sees the account. */
async function assertReviewer(
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
async function snapshotVersion(tx: Transaction, proposal: Proposal, actorId: string) {
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
  if (!updated) throw new ActionError(notFoundMessage);
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

function proposalHref(id: string) {
  return `/proposals/${id}`;
}

/** Refuses unless the user is the author, the account owner or a manager. */
async function assertMaySend(tx: Transaction, user: CurrentUser, proposal: Proposal) {
  const [client] = await tx
    .select({ ownerId: clients.ownerId })
    .from(clients)
    .where(eq(clients.id, proposal.clientId));
  if (
    !maySendProposal(user, { authorId: proposal.authorId, clientOwnerId: client?.ownerId ?? null })
  ) {
    throw new ActionError('Only the author, the account owner or a manager can do that.');
  }
}

export const createProposalCommand = defineAction({
  schema: createProposalSchema,
  permission: 'proposals.write',
  async run(input, context) {
    const { tx, user, audit } = context;
    const client = await lockVisibleClient(tx, user, input.clientId);
    let deal = null;
    if (input.dealId) {
      [deal] = await tx
        .select()
        .from(deals)
        .where(and(eq(deals.id, input.dealId), eq(deals.clientId, client.id)));
      if (!deal) {
        throw new ActionError('Check the highlighted fields.', {
          dealId: ['Choose one of this client’s deals.'],
        });
      }
    }
    let template = null;
    if (input.templateId) {
      [template] = await tx
        .select({ name: proposalTemplateVersions.name, body: proposalTemplateVersions.body })
        .from(proposalTemplateVersions)
        .innerJoin(
          proposalTemplates,
          and(
            eq(proposalTemplates.id, proposalTemplateVersions.templateId),
            eq(proposalTemplates.publishedVersion, proposalTemplateVersions.number),
          ),
        )
        .where(
          and(
            eq(proposalTemplateVersions.templateId, input.templateId),
            eq(proposalTemplates.status, 'published'),
          ),
        );
      if (!template) {
        throw new ActionError('Check the highlighted fields.', {
          templateId: ['Choose a published template.'],
        });
      }
    }
    const reviewerId =
      input.reviewerId ?? (client.ownerId !== user.id ? client.ownerId : null) ?? null;
    if (reviewerId) await assertReviewer(tx, reviewerId, user.id, client.id);
    const values = await mergeValuesFor(tx, client, deal ?? null, user);
    const title = input.title ?? (template ? `${template.name} — ${client.name}` : client.name);
    const [proposal] = await tx
      .insert(proposals)
      .values({
        clientId: client.id,
        dealId: deal?.id ?? null,
        templateId: input.templateId ?? null,
        title: title.slice(0, 200),
        body: template ? renderMergeFields(template.body, values) : '',
        amountCents: deal?.amountCents ?? 0,
        currency: deal?.currency ?? client.currency,
        authorId: user.id,
        reviewerId,
      })
      .returning();
    if (!proposal) throw new ActionError('The proposal could not be created.');
    await audit({
      action: 'proposal.created',
      entityType: 'proposal',
      entityId: proposal.id,
      after: { title: proposal.title, clientId: client.id, dealId: proposal.dealId },
    });
    await recordActivity(tx, {
      clientId: client.id,
      kind: 'proposal',
      subject: `Proposal “${proposal.title}” drafted`,
      actorId: user.id,
    });
    return { id: proposal.id };
  },
});

export const updateProposalCommand = defineAction({
  schema: updateProposalSchema,
  permission: 'proposals.write',
  async run(input, { tx, user, audit }) {
    const proposal = await lockProposal(tx, user, input.id, input.version);
    if (!isProposalEditable(proposal.status)) {
      throw new ActionError('Only a draft can be edited. Revise it first.');
    }
    if (input.reviewerId) {
      await assertReviewer(tx, input.reviewerId, proposal.authorId, proposal.clientId);
    }
    // Fields typed in, or whose values exist since the draft was made, are filled on saving.
    const values = await currentMergeValues(tx, proposal, user);
    const [updated] = await tx
      .update(proposals)
      .set({
        title: input.title,
        body: renderMergeFields(input.body, values),
        amountCents: input.amount,
        currency: input.currency,
        validUntil: input.validUntil ?? null,
        reviewerId: input.reviewerId ?? null,
        version: sql`${proposals.version} + 1`,
      })
      .where(eq(proposals.id, proposal.id))
      .returning({ version: proposals.version });
    await audit({
      action: 'proposal.updated',
      entityType: 'proposal',
      entityId: proposal.id,
      before: { title: proposal.title, amountCents: proposal.amountCents },
      after: { title: input.title, amountCents: input.amount },
    });
    return { version: updated?.version ?? proposal.version + 1 };
  },
});

export const submitProposalCommand = defineAction({
  schema: proposalStepSchema,
  permission: 'proposals.submit',
  async run(input, context) {
    const { tx, user } = context;
    const proposal = await lockProposal(tx, user, input.id, input.version);
    if (!can(user, 'proposals.submit', { authorId: proposal.authorId })) {
      throw new ActionError('Only the author can submit this proposal for review.');
    }
    statusAfter(proposal, 'submit');
    if (!proposal.reviewerId) {
      throw new ActionError('Choose a reviewer before submitting.', {
        reviewerId: ['Choose a reviewer.'],
      });
    }
    if (!proposal.body.trim()) throw new ActionError('Write the proposal before submitting it.');
    await assertReviewer(tx, proposal.reviewerId, proposal.authorId, proposal.clientId);
    const ready = await assertReadyToLeave(tx, proposal, user, 'submitted');
    const settings = await getReviewSettings();
    const number = await snapshotVersion(tx, ready, user.id);
    const now = new Date();
    const updated = await changeStatus(context, proposal, 'submit', {
      versionCount: number,
      submittedAt: now,
      reviewDueAt: new Date(now.getTime() + settings.reviewDueHours * 3_600_000),
      escalatedAt: null,
      backupReviewerId: null,
      decidedAt: null,
    });
    await notify(
      tx,
      [proposal.reviewerId],
      {
        kind: 'review_requested',
        title: `Review requested: ${proposal.title}`,
        body: `${user.name} submitted version ${number} for your review.`,
        href: proposalHref(proposal.id),
        clientId: proposal.clientId,
      },
      user.id,
    );
    return { status: updated.status };
  },
});

const decisionNotice: Record<
  keyof typeof reviewDecisionTransition,
  { kind: NotificationKind; verb: string }
> = {
  approved: { kind: 'proposal_approved', verb: 'approved' },
  changes_requested: { kind: 'changes_requested', verb: 'requested changes to' },
  rejected: { kind: 'proposal_rejected', verb: 'rejected' },
};

export const reviewProposalCommand = defineAction({
  schema: reviewProposalSchema,
  permission: 'proposals.review',
  async run(input, context) {
    const { tx, user } = context;
    const proposal = await lockProposal(tx, user, input.id, input.version);
    if (proposal.authorId === user.id) {
      throw new ActionError('You cannot review your own proposal.');
    }
    if (!mayReviewProposal(user, proposal)) {
      throw new ActionError('This proposal is assigned to another reviewer.');
    }
    const transition = reviewDecisionTransition[input.decision];
    statusAfter(proposal, transition);
    await tx.insert(proposalReviews).values({
      proposalId: proposal.id,
      versionNumber: proposal.versionCount,
      reviewerId: user.id,
      decision: input.decision,
      comment: input.comment ?? null,
      submittedAt: proposal.submittedAt ?? new Date(),
    });
    await changeStatus(
      context,
      proposal,
      transition,
      { decidedAt: new Date() },
      input.comment ?? undefined,
    );
    const notice = decisionNotice[input.decision];
    await notify(
      tx,
      [proposal.authorId],
      {
        kind: notice.kind,
        title: `${reviewDecisionLabels[input.decision]}: ${proposal.title}`,
        body: `${user.name} ${notice.verb} your proposal.${input.comment ? ` “${input.comment}”` : ''}`,
        href: proposalHref(proposal.id),
        clientId: proposal.clientId,
      },
      user.id,
    );
    return { decision: input.decision };
  },
});

export const reviseProposalCommand = defineAction({
  schema: proposalStepSchema,
  permission: 'proposals.write',
  async run(input, context) {
    const proposal = await lockProposal(context.tx, context.user, input.id, input.version);
    const updated = await changeStatus(context, proposal, 'revise');
    return { status: updated.status };
  },
});

/** A new client link for the proposal's columns; the token itself is returned once, never stored. */
function newShareLink() {
  const { token, hash } = createShareToken();
  return { token, columns: { shareTokenHash: hash, shareLinkCreatedAt: new Date() } };
}

export const noShareLink = { shareTokenHash: null, shareLinkCreatedAt: null };

/** A proposal whose valid-until date has passed is not offered to the client. */
function assertStillValid(proposal: Proposal) {
  if (validUntilPassed(proposal.validUntil)) {
    throw new ActionError(
      proposal.status === 'draft'
        ? 'Its valid-until date has passed. Change the date before sending it.'
        : 'Its valid-until date has passed, so it cannot be offered to the client any more.',
    );
  }
}

export const sendProposalCommand = defineAction({
  schema: proposalStepSchema,
  permission: 'proposals.write',
  async run(input, context) {
    const { tx, user } = context;
    const proposal = await lockProposal(tx, user, input.id, input.version);
    await assertMaySend(tx, user, proposal);
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
        throw new ActionError('This proposal needs an approved review before it is sent.');
      }
      if (!proposal.body.trim()) throw new ActionError('Write the proposal before sending it.');
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
  permission: 'proposals.write',
  async run(input, context) {
    const proposal = await lockProposal(context.tx, context.user, input.id, input.version);
    await assertMaySend(context.tx, context.user, proposal);
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
  permission: 'proposals.write',
  async run(input, { tx, user, audit }) {
    const proposal = await lockProposal(tx, user, input.id, input.version);
    await assertMaySend(tx, user, proposal);
    if (!input.enabled) {
      if (!proposal.shareTokenHash) throw new ActionError('This proposal has no client link.');
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
      throw new ActionError('Only a sent proposal can be shared with the client.');
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

import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { deals, proposals, proposalTemplates, proposalTemplateVersions } from '@/db/schema';
import { renderMergeFields } from '@/lib/merge-fields';
import { isProposalEditable } from '@/lib/proposals';
import { createProposalSchema, updateProposalSchema } from '@/lib/validation/proposals';
import { defineAction } from '@/server/action';
import { lockVisibleClient, recordActivity } from '@/server/clients/records';
import { ActionError, conflict } from '@/server/errors';
import { currentMergeValues, mergeValuesFor } from '../merge-values';
import { assertReviewer, lockProposal } from './lifecycle';

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
      throw conflict('Only a draft can be edited. Revise it first.');
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

import { db } from '@/db/client';
import type { NewProposal } from '@/db/schema';
import { bulkMoveDealsCommand, bulkReassignDealsCommand } from '@/server/deals/bulk';
import { createDealCommand, moveDealCommand, updateDealCommand } from '@/server/deals/commands';
import { bulkWithdrawProposalsCommand } from '@/server/proposals/bulk';
import { createProposalCommand, updateProposalCommand } from '@/server/proposals/commands/drafting';
import {
  reviewProposalCommand,
  reviseProposalCommand,
  submitProposalCommand,
} from '@/server/proposals/commands/review';
import {
  sendProposalCommand,
  setShareLinkCommand,
  withdrawProposalCommand,
} from '@/server/proposals/commands/sending';
import {
  archiveTemplateCommand,
  createTemplateCommand,
  publishTemplateCommand,
  updateTemplateCommand,
} from '@/server/templates/commands';
import type { CurrentUser } from '@/server/auth/session';
import { createDealRecord, dealEditForm, dealForm } from '../../support/deal-factories';
import { createPublishedTemplate } from '../../support/pipeline-factories';
import { createProposal } from '../../support/proposal-factories';
import { registerAction } from '../action-entry';
import {
  accountOwnedBy,
  anyRecord,
  eitherOrNeither,
  setUp,
  ticked,
  uniqueName,
  versionOf,
  type BuildFixture,
  type World,
} from '../world';

async function ownDeal(actor: CurrentUser) {
  const client = await accountOwnedBy(actor.id);
  return createDealRecord(client.id, { ownerId: actor.id, stage: 'qualified' });
}

/** A proposal in `status` by `authorId` on an account owned by `ownerId`. */
async function proposalOf(
  { authorId, ownerId }: { authorId: string; ownerId: string | null },
  overrides: Partial<NewProposal>,
) {
  const client = await accountOwnedBy(ownerId);
  const proposal = await createProposal(db, { clientId: client.id, authorId, ...overrides });
  return {
    input: { id: proposal.id, version: versionOf(proposal) },
    record: {
      authorId,
      ownerId,
      reviewerId: proposal.reviewerId,
      backupReviewerId: proposal.backupReviewerId,
    },
  };
}

/**
 * The three sides of "author, account owner or manager": the actor wrote it, the actor owns the
 * account, or neither; `withInput` turns a proposal's id and version into the action's input.
 */
function answeredForBy(
  overrides: Partial<NewProposal>,
  withInput: (ref: { id: string; version: string }) => unknown = (ref) => ref,
): Record<string, BuildFixture> {
  return eitherOrNeither(
    ['authorId', 'ownerId'],
    [
      'own proposal',
      "an account owner's proposal",
      "a colleague's proposal on a colleague's account",
    ],
    async (people) => {
      const { input, record } = await proposalOf(people, overrides);
      return { input: withInput(input), record };
    },
  );
}

const inReview = (reviewerId: string) => ({
  status: 'in_review' as const,
  reviewerId,
  versionCount: 1,
  submittedAt: new Date(),
});

const templateFields = () => ({
  name: uniqueName('Template'),
  category: '',
  body: 'Hello {{client.name}}',
});

export const pipelineActions = {
  createDealCommand: registerAction(createDealCommand, {
    permission: 'deals.write',
    fixtures: anyRecord(async (actor) => ({
      input: dealForm((await accountOwnedBy(actor.id)).id),
    })),
  }),
  updateDealCommand: registerAction(updateDealCommand, {
    permission: 'deals.write',
    fixtures: anyRecord(async (actor) => ({
      input: dealEditForm(await ownDeal(actor), { name: 'Renamed deal' }),
    })),
  }),
  moveDealCommand: registerAction(moveDealCommand, {
    permission: 'deals.write',
    fixtures: anyRecord(async (actor) => {
      const deal = await ownDeal(actor);
      return { input: { dealId: deal.id, version: deal.version, stage: 'negotiation' } };
    }),
  }),
  bulkMoveDealsCommand: registerAction(bulkMoveDealsCommand, {
    permission: 'deals.write',
    fixtures: anyRecord(async (actor) => ({
      input: { selection: ticked(await ownDeal(actor)), stage: 'negotiation' },
    })),
  }),
  bulkReassignDealsCommand: registerAction(bulkReassignDealsCommand, {
    permission: 'deals.write',
    fixtures: anyRecord(async (actor, world) => ({
      input: {
        selection: ticked(await ownDeal(actor)),
        role: 'coordinator',
        userId: world.otherCoordinator.id,
      },
    })),
  }),
  createProposalCommand: registerAction(createProposalCommand, {
    permission: 'proposals.write',
    fixtures: anyRecord(async (actor) => ({
      input: { clientId: (await accountOwnedBy(actor.id)).id, title: 'Retainer' },
    })),
  }),
  updateProposalCommand: registerAction(updateProposalCommand, {
    permission: 'proposals.write',
    fixtures: anyRecord(async (actor) => {
      const { input } = await proposalOf({ authorId: actor.id, ownerId: actor.id }, {});
      return {
        input: {
          ...input,
          title: 'Revised scope',
          body: 'Scope and fees.',
          amount: '25,000',
          currency: 'USD',
          validUntil: '2099-12-31',
          reviewerId: '',
        },
      };
    }),
  }),
  submitProposalCommand: registerAction(submitProposalCommand, {
    permission: 'proposals.submit',
    condition: { permission: 'proposals.submit', rule: 'author' },
    fixtures: {
      'own draft': (actor, world) =>
        proposalOf(
          { authorId: actor.id, ownerId: actor.id },
          { reviewerId: world.otherManager.id },
        ),
      "a colleague's draft": (_actor, world) =>
        proposalOf(
          { authorId: world.otherCoordinator.id, ownerId: world.otherCoordinator.id },
          { reviewerId: world.otherManager.id },
        ),
    },
  }),
  reviewProposalCommand: registerAction(reviewProposalCommand, {
    permission: 'proposals.review',
    condition: { permission: 'proposals.review', rule: 'assigned or backup reviewer, not author' },
    fixtures: Object.fromEntries(
      Object.entries({
        'a proposal assigned to them': (actor: CurrentUser, world: World) =>
          proposalOf(
            { authorId: world.otherCoordinator.id, ownerId: world.otherCoordinator.id },
            inReview(actor.id),
          ),
        "another reviewer's proposal": (_actor: CurrentUser, world: World) =>
          proposalOf(
            { authorId: world.otherCoordinator.id, ownerId: world.otherCoordinator.id },
            inReview(world.otherExecutive.id),
          ),
        'own proposal': (actor: CurrentUser, world: World) =>
          proposalOf({ authorId: actor.id, ownerId: actor.id }, inReview(world.otherExecutive.id)),
      }).map(([label, build]) => [
        label,
        async (actor: CurrentUser, world: World) => {
          const fixture = await build(actor, world);
          return { ...fixture, input: { ...fixture.input, decision: 'approved', comment: '' } };
        },
      ]),
    ),
  }),
  reviseProposalCommand: registerAction(reviseProposalCommand, {
    permission: 'proposals.write',
    fixtures: anyRecord(async (actor) => {
      const { input } = await proposalOf(
        { authorId: actor.id, ownerId: actor.id },
        { status: 'changes_requested', versionCount: 1 },
      );
      return { input };
    }),
  }),
  sendProposalCommand: registerAction(sendProposalCommand, {
    permission: 'proposals.send',
    condition: { permission: 'proposals.send', rule: 'author or account owner' },
    fixtures: answeredForBy({ status: 'approved', versionCount: 1 }),
  }),
  withdrawProposalCommand: registerAction(withdrawProposalCommand, {
    permission: 'proposals.withdraw',
    condition: { permission: 'proposals.withdraw', rule: 'author or account owner' },
    fixtures: answeredForBy({ status: 'sent', versionCount: 1, sentAt: new Date() }),
  }),
  setShareLinkCommand: registerAction(setShareLinkCommand, {
    permission: 'proposals.shareLink',
    condition: { permission: 'proposals.shareLink', rule: 'author or account owner' },
    fixtures: answeredForBy({ status: 'sent', versionCount: 1, sentAt: new Date() }, (ref) => ({
      ...ref,
      enabled: 'true',
    })),
  }),
  bulkWithdrawProposalsCommand: registerAction(bulkWithdrawProposalsCommand, {
    permission: 'proposals.withdraw',
    condition: { permission: 'proposals.withdraw', rule: 'author or account owner' },
    fixtures: answeredForBy({ status: 'sent', versionCount: 1, sentAt: new Date() }, (ref) => ({
      selection: ticked({ id: ref.id, version: Number(ref.version) }),
    })),
  }),
  createTemplateCommand: registerAction(createTemplateCommand, {
    permission: 'templates.write',
    fixtures: anyRecord(async () => ({ input: templateFields() })),
  }),
  updateTemplateCommand: registerAction(updateTemplateCommand, {
    permission: 'templates.write',
    fixtures: anyRecord(async () => {
      const template = await createPublishedTemplate('Hello {{client.name}}');
      return { input: { ...templateFields(), templateId: template.id, version: '1' } };
    }),
  }),
  publishTemplateCommand: registerAction(publishTemplateCommand, {
    permission: 'templates.publish',
    fixtures: anyRecord(async (_actor, world) => {
      const { id } = await setUp(createTemplateCommand, world.otherCoordinator, templateFields());
      return { input: { templateId: id, version: '1' } };
    }),
  }),
  archiveTemplateCommand: registerAction(archiveTemplateCommand, {
    permission: 'templates.publish',
    fixtures: anyRecord(async () => {
      const template = await createPublishedTemplate('Hello {{client.name}}');
      return { input: { templateId: template.id, version: '1' } };
    }),
  }),
};

import { db } from '@/db/client';
import { materials, tasks, type NewMaterial } from '@/db/schema';
import {
  acknowledgeFeedbackCommand,
  logFeedbackCommand,
  resolveFeedbackCommand,
  routeFeedbackCommand,
} from '@/server/feedback/commands';
import {
  approveMaterialCommand,
  assignMaterialCommand,
  attachMaterialCommand,
  bulkAssignMaterialsCommand,
  createMaterialCommand,
  detachMaterialCommand,
  sendBackMaterialCommand,
  startMaterialCommand,
  submitMaterialCommand,
  updateMaterialCommand,
} from '@/server/materials/commands';
import {
  bulkCompleteTasksCommand,
  bulkReassignTasksCommand,
  completeTaskCommand,
  createTaskCommand,
  reopenTaskCommand,
} from '@/server/tasks/commands';
import type { OwnedRecord } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';
import { createFeedbackRecord } from '../../support/feedback-factories';
import { pdfBytes, upload, uploaded } from '../../support/document-factories';
import { createProposal } from '../../support/proposal-factories';
import { registerAction } from '../action-entry';
import {
  accountOwnedBy,
  anyRecord,
  setUp,
  ticked,
  versionOf,
  type BuildFixture,
  type Fixture,
  type World,
} from '../world';

type Sides = Record<string, (actor: CurrentUser, world: World) => Record<string, string>>;

/**
 * Fixtures for a rule over several user fields: each side names who fills which field, `build`
 * makes the record with them and the action's input; the fields become the judged record.
 */
function sidesOf<TFields extends Record<string, string>>(
  sides: Record<string, (actor: CurrentUser, world: World) => TFields>,
  build: (fields: TFields, world: World) => Promise<{ input: unknown; record: OwnedRecord }>,
): Record<string, BuildFixture> {
  return Object.fromEntries(
    Object.entries(sides).map(([label, who]) => [
      label,
      async (actor: CurrentUser, world: World): Promise<Fixture> => build(who(actor, world), world),
    ]),
  );
}

const taskSides = {
  'a task assigned to them': (actor: CurrentUser, world: World) => ({
    assigneeId: actor.id,
    createdById: world.otherCoordinator.id,
  }),
  'a task they created': (actor: CurrentUser, world: World) => ({
    assigneeId: world.otherCoordinator.id,
    createdById: actor.id,
  }),
  "a colleague's task": (_actor: CurrentUser, world: World) => ({
    assigneeId: world.otherCoordinator.id,
    createdById: world.otherExecutive.id,
  }),
} satisfies Sides;

async function taskOf(
  people: { assigneeId: string; createdById: string },
  status: 'open' | 'done' = 'open',
) {
  const client = await accountOwnedBy(people.createdById);
  const [task] = await db
    .insert(tasks)
    .values({ title: 'Send the deck', clientId: client.id, status, ...people })
    .returning();
  if (!task) throw new Error('task not created');
  return task;
}

const taskFixtures = (
  status: 'open' | 'done',
  withInput: (task: { id: string; version: number }) => unknown,
) =>
  sidesOf(taskSides, async (people) => ({
    input: withInput(await taskOf(people, status)),
    record: people,
  }));

const feedbackSides = {
  'feedback routed to them': (actor: CurrentUser, world: World) => ({
    routedToId: actor.id,
    ownerId: world.otherCoordinator.id,
  }),
  'feedback on their account': (actor: CurrentUser, world: World) => ({
    routedToId: world.otherCoordinator.id,
    ownerId: actor.id,
  }),
  "a colleague's feedback": (_actor: CurrentUser, world: World) => ({
    routedToId: world.otherCoordinator.id,
    ownerId: world.otherCoordinator.id,
  }),
} satisfies Sides;

async function routedFeedback({ routedToId, ownerId }: { routedToId: string; ownerId: string }) {
  const client = await accountOwnedBy(ownerId);
  return createFeedbackRecord({
    clientId: client.id,
    status: 'routed',
    routedToId,
    routedAt: new Date(),
  });
}

const materialSides = {
  'a material they requested': (actor: CurrentUser, world: World) => ({
    createdById: actor.id,
    assigneeId: world.otherCoordinator.id,
  }),
  'a material they made': (actor: CurrentUser, world: World) => ({
    createdById: world.otherCoordinator.id,
    assigneeId: actor.id,
  }),
  "a colleague's material": (_actor: CurrentUser, world: World) => ({
    createdById: world.otherCoordinator.id,
    assigneeId: world.otherCoordinator.id,
  }),
} satisfies Sides;

async function materialOf(overrides: Partial<NewMaterial> = {}) {
  const client = await accountOwnedBy(overrides.requestedById ?? null);
  const [material] = await db
    .insert(materials)
    .values({ clientId: client.id, kind: 'presentation', title: 'Case study', ...overrides })
    .returning();
  if (!material) throw new Error('material not created');
  return material;
}

/** A material in review with a file, requested and made by whom `people` says. */
async function materialInReview(people: { createdById: string; assigneeId: string }, world: World) {
  const material = await materialOf({
    status: 'in_review',
    requestedById: people.createdById,
    assigneeId: people.assigneeId,
  });
  uploaded(
    await upload(
      world.otherManager,
      { recordKind: 'material', recordId: material.id },
      'deck.pdf',
      pdfBytes,
    ),
  );
  return material;
}

const reviewFixtures = (comment: string) =>
  sidesOf(materialSides, async (people, world) => {
    const material = await materialInReview(people, world);
    return { input: { id: material.id, version: versionOf(material), comment }, record: people };
  });

/** A ready material and a proposal of the same client, to attach it to. */
async function readyMaterialAndProposal(ownerId: string) {
  const material = await materialOf({ status: 'ready', readyAt: new Date() });
  const proposal = await createProposal(db, { clientId: material.clientId, authorId: ownerId });
  return { materialId: material.id, targetKind: 'proposal', targetId: proposal.id };
}

const step = (row: { id: string; version: number }) => ({ id: row.id, version: versionOf(row) });

export const workActions = {
  createTaskCommand: registerAction(createTaskCommand, {
    permission: 'tasks.write',
    fixtures: anyRecord(async (_actor, world) => ({
      input: { title: 'Call back', assigneeId: world.otherCoordinator.id },
    })),
  }),
  completeTaskCommand: registerAction(completeTaskCommand, {
    permission: 'tasks.manage',
    condition: { permission: 'tasks.manage', rule: 'assignee or creator' },
    fixtures: taskFixtures('open', step),
  }),
  reopenTaskCommand: registerAction(reopenTaskCommand, {
    permission: 'tasks.manage',
    condition: { permission: 'tasks.manage', rule: 'assignee or creator' },
    fixtures: taskFixtures('done', step),
  }),
  bulkCompleteTasksCommand: registerAction(bulkCompleteTasksCommand, {
    permission: 'tasks.manage',
    condition: { permission: 'tasks.manage', rule: 'assignee or creator' },
    fixtures: taskFixtures('open', (task) => ({ selection: ticked(task) })),
  }),
  bulkReassignTasksCommand: registerAction(bulkReassignTasksCommand, {
    permission: 'tasks.manage',
    condition: { permission: 'tasks.manage', rule: 'assignee or creator' },
    fixtures: sidesOf(taskSides, async (people, world) => ({
      input: { selection: ticked(await taskOf(people)), assigneeId: world.otherManager.id },
      record: people,
    })),
  }),
  logFeedbackCommand: registerAction(logFeedbackCommand, {
    permission: 'feedback.write',
    fixtures: anyRecord(async (actor) => ({
      input: {
        clientId: (await accountOwnedBy(actor.id)).id,
        channel: 'call',
        sentiment: 'negative',
        body: 'Reports were late again.',
      },
    })),
  }),
  routeFeedbackCommand: registerAction(routeFeedbackCommand, {
    permission: 'feedback.write',
    fixtures: anyRecord(async (actor, world) => {
      const client = await accountOwnedBy(actor.id);
      const item = await createFeedbackRecord({ clientId: client.id });
      return { input: { ...step(item), routedToId: world.otherCoordinator.id } };
    }),
  }),
  acknowledgeFeedbackCommand: registerAction(acknowledgeFeedbackCommand, {
    permission: 'feedback.resolve',
    condition: { permission: 'feedback.resolve', rule: 'routed to, or account owner' },
    fixtures: sidesOf(feedbackSides, async (people) => ({
      input: step(await routedFeedback(people)),
      record: people,
    })),
  }),
  resolveFeedbackCommand: registerAction(resolveFeedbackCommand, {
    permission: 'feedback.resolve',
    condition: { permission: 'feedback.resolve', rule: 'routed to, or account owner' },
    fixtures: sidesOf(feedbackSides, async (people) => ({
      input: { ...step(await routedFeedback(people)), resolution: 'Moved the report earlier.' },
      record: people,
    })),
  }),
  createMaterialCommand: registerAction(createMaterialCommand, {
    permission: 'materials.write',
    fixtures: anyRecord(async (actor) => ({
      input: {
        clientId: (await accountOwnedBy(actor.id)).id,
        kind: 'presentation',
        title: 'Case study',
      },
    })),
  }),
  updateMaterialCommand: registerAction(updateMaterialCommand, {
    permission: 'materials.write',
    fixtures: anyRecord(async (actor) => ({
      input: { ...step(await materialOf({ requestedById: actor.id })), title: 'Retitled' },
    })),
  }),
  assignMaterialCommand: registerAction(assignMaterialCommand, {
    permission: 'materials.write',
    fixtures: anyRecord(async (actor, world) => ({
      input: {
        ...step(await materialOf({ requestedById: actor.id })),
        assigneeId: world.otherCoordinator.id,
      },
    })),
  }),
  startMaterialCommand: registerAction(startMaterialCommand, {
    permission: 'materials.write',
    fixtures: anyRecord(async (actor) => ({
      input: step(await materialOf({ requestedById: actor.id, assigneeId: actor.id })),
    })),
  }),
  submitMaterialCommand: registerAction(submitMaterialCommand, {
    permission: 'materials.write',
    fixtures: anyRecord(async (actor, world) => {
      const material = await materialOf({ status: 'in_progress', assigneeId: actor.id });
      uploaded(
        await upload(
          world.otherManager,
          { recordKind: 'material', recordId: material.id },
          'deck.pdf',
          pdfBytes,
        ),
      );
      return { input: step(material) };
    }),
  }),
  sendBackMaterialCommand: registerAction(sendBackMaterialCommand, {
    permission: 'materials.write',
    condition: { permission: 'materials.approve', rule: 'neither requester nor maker' },
    fixtures: reviewFixtures('Use the new logo.'),
  }),
  approveMaterialCommand: registerAction(approveMaterialCommand, {
    permission: 'materials.approve',
    condition: { permission: 'materials.approve', rule: 'neither requester nor maker' },
    fixtures: reviewFixtures(''),
  }),
  attachMaterialCommand: registerAction(attachMaterialCommand, {
    permission: 'materials.write',
    fixtures: anyRecord(async (actor) => ({ input: await readyMaterialAndProposal(actor.id) })),
  }),
  detachMaterialCommand: registerAction(detachMaterialCommand, {
    permission: 'materials.write',
    fixtures: anyRecord(async (actor, world) => {
      const input = await readyMaterialAndProposal(actor.id);
      await setUp(attachMaterialCommand, world.otherManager, input);
      return { input };
    }),
  }),
  bulkAssignMaterialsCommand: registerAction(bulkAssignMaterialsCommand, {
    permission: 'materials.write',
    fixtures: anyRecord(async (actor, world) => ({
      input: {
        selection: ticked(await materialOf({ requestedById: actor.id })),
        assigneeId: world.otherCoordinator.id,
      },
    })),
  }),
};

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
import { createFeedbackRecord } from '../../support/feedback-factories';
import { createProposal } from '../../support/proposal-factories';
import { registerAction } from '../action-entry';
import {
  accountOwnedBy,
  alreadyDone,
  anyRecord,
  eitherOrNeither,
  fileOn,
  ticked,
  versionOf,
  type World,
} from '../world';

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
  eitherOrNeither(
    ['assigneeId', 'createdById'],
    ['a task assigned to them', 'a task they created', "a colleague's task"],
    async (people) => ({ input: withInput(await taskOf(people, status)) }),
  );

const feedbackFixtures = (withInput: (item: { id: string; version: number }) => unknown) =>
  eitherOrNeither(
    ['routedToId', 'ownerId'],
    ['feedback routed to them', 'feedback on their account', "a colleague's feedback"],
    async (people) => ({ input: withInput(await routedFeedback(people)) }),
  );

async function routedFeedback({ routedToId, ownerId }: { routedToId: string; ownerId: string }) {
  const client = await accountOwnedBy(ownerId);
  return createFeedbackRecord({
    clientId: client.id,
    status: 'routed',
    routedToId,
    routedAt: new Date(),
  });
}

export async function materialOf(overrides: Partial<NewMaterial> = {}) {
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
  await fileOn(world.otherManager, 'material', material.id);
  return material;
}

// A material's authors are its requester (`createdById`) and its maker (`assigneeId`).
const reviewFixtures = (comment: string) =>
  eitherOrNeither(
    ['createdById', 'assigneeId'],
    ['a material they requested', 'a material they made', "a colleague's material"],
    async (people, world) => {
      const material = await materialInReview(people, world);
      return { input: { id: material.id, version: versionOf(material), comment } };
    },
  );

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
    fixtures: eitherOrNeither(
      ['assigneeId', 'createdById'],
      ['a task assigned to them', 'a task they created', "a colleague's task"],
      async (people, world) => ({
        input: { selection: ticked(await taskOf(people)), assigneeId: world.otherManager.id },
      }),
    ),
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
    fixtures: feedbackFixtures(step),
  }),
  resolveFeedbackCommand: registerAction(resolveFeedbackCommand, {
    permission: 'feedback.resolve',
    condition: { permission: 'feedback.resolve', rule: 'routed to, or account owner' },
    fixtures: feedbackFixtures((item) => ({
      ...step(item),
      resolution: 'Moved the report earlier.',
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
      await fileOn(world.otherManager, 'material', material.id);
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
    fixtures: alreadyDone(attachMaterialCommand, (actor) => readyMaterialAndProposal(actor.id)),
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

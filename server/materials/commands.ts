import 'server-only';
import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import {
  campaigns,
  clients,
  deals,
  documents,
  materials,
  materialStatusChanges,
  meetingMaterials,
  meetings,
  proposalMaterials,
  proposals,
  users,
  type Material,
  type NotificationKind,
} from '@/db/schema';
import { bulkCap, type BulkOutcome, type BulkSelection } from '@/lib/bulk';
import { calendarDateIn } from '@/lib/format';
import {
  canTransitionMaterial,
  materialKindLabels,
  materialStatusLabels,
  type MaterialAttachmentKind,
  type MaterialStatus,
  type MaterialTransition,
} from '@/lib/materials';
import { truncate } from '@/lib/utils';
import {
  approveMaterialSchema,
  assignMaterialSchema,
  bulkAssignMaterialsSchema,
  createMaterialSchema,
  materialAttachmentSchema,
  materialListSchema,
  materialStepSchema,
  sendBackMaterialSchema,
  updateMaterialSchema,
} from '@/lib/validation/materials';
import { defineAction, type ActionContext } from '@/server/action';
import { can } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';
import { runBulk } from '@/server/bulk/run-bulk';
import { assertActiveUser, lockVisibleClient, recordActivity } from '@/server/clients/records';
import { userSeesClient, visibleThroughClient } from '@/server/clients/visibility';
import { ActionError, conflict, forbidden, notFound } from '@/server/errors';
import { lockVisibleRecord } from '@/server/lock-record';
import { notify } from '@/server/notifications/notify';
import { materialListWhere } from './list-query';
import { visibleMaterials } from './visibility';

const noun = 'material';

/** The fields the approval rule reads: the assignee produced it, the requester asked for it. */
export function materialAuthors(material: Pick<Material, 'assigneeId' | 'requestedById'>) {
  return { assigneeId: material.assigneeId, createdById: material.requestedById };
}

async function lockMaterial(tx: Transaction, user: CurrentUser, id: string, version: number) {
  return lockVisibleRecord(tx, materials, noun, {
    id,
    version,
    visibility: await visibleMaterials(user),
  });
}

function tell(
  tx: Transaction,
  recipients: (string | null)[],
  kind: NotificationKind,
  material: Pick<Material, 'id' | 'title' | 'clientId'>,
  title: string,
  actorId: string,
  body: string | null = null,
) {
  return notify(
    tx,
    recipients,
    {
      kind,
      title: truncate(`${title}: ${material.title}`, 200),
      body,
      href: `/materials/${material.id}`,
      clientId: material.clientId,
    },
    actorId,
  );
}

/** Refuses an assignee who is inactive or does not see the material's account. */
async function assertAssignable(tx: Transaction, assigneeId: string, clientId: string) {
  await assertActiveUser(tx, assigneeId, 'assigneeId');
  if (!(await userSeesClient(tx, assigneeId, clientId))) {
    throw new ActionError('Check the highlighted fields.', {
      assigneeId: ['Choose someone who sees this client.'],
    });
  }
}

/** Refuses a campaign that is not one of the material's client. */
async function assertClientCampaign(tx: Transaction, campaignId: string, clientId: string) {
  const [campaign] = await tx
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(eq(campaigns.id, campaignId), eq(campaigns.clientId, clientId)));
  if (!campaign) {
    throw new ActionError('Check the highlighted fields.', {
      campaignId: ['Choose a campaign of this client.'],
    });
  }
}

/** Records a status change with its comment in the history, the audit log and the timeline. */
async function recordStatusChange(
  { tx, user, audit }: ActionContext,
  material: Material,
  to: MaterialStatus,
  comment: string | null,
) {
  await tx.insert(materialStatusChanges).values({
    materialId: material.id,
    fromStatus: material.status,
    toStatus: to,
    comment,
    changedById: user.id,
  });
  await audit({
    action: 'material.status_changed',
    entityType: 'material',
    entityId: material.id,
    before: { status: material.status },
    after: { status: to, comment },
  });
  await recordActivity(tx, {
    clientId: material.clientId,
    kind: 'material',
    subject: truncate(`${materialStatusLabels[to]}: ${material.title}`, 200),
    body: comment,
    actorId: user.id,
  });
}

/** A request for a material, for a visible client and optionally one of its deals. */
export const createMaterialCommand = defineAction({
  schema: createMaterialSchema,
  permission: 'materials.write',
  async run(input, context) {
    const { tx, user, audit } = context;
    const client = await lockVisibleClient(tx, user, input.clientId);
    if (input.dealId) {
      const [deal] = await tx
        .select({ id: deals.id })
        .from(deals)
        .where(and(eq(deals.id, input.dealId), eq(deals.clientId, client.id)));
      if (!deal) {
        throw new ActionError('Check the highlighted fields.', {
          dealId: ['Choose a deal of this client.'],
        });
      }
    }
    if (input.campaignId) await assertClientCampaign(tx, input.campaignId, client.id);
    if (input.assigneeId) await assertAssignable(tx, input.assigneeId, client.id);
    const [material] = await tx
      .insert(materials)
      .values({
        clientId: client.id,
        dealId: input.dealId,
        campaignId: input.campaignId,
        kind: input.kind,
        title: input.title,
        brief: input.brief,
        tags: input.tags,
        assigneeId: input.assigneeId ?? null,
        requestedById: user.id,
        dueDate: input.dueDate ?? null,
      })
      .returning();
    if (!material) throw new Error('material not inserted');
    await tx.insert(materialStatusChanges).values({
      materialId: material.id,
      fromStatus: null,
      toStatus: 'requested',
      changedById: user.id,
    });
    await audit({
      action: 'material.requested',
      entityType: 'material',
      entityId: material.id,
      before: null,
      after: {
        clientId: client.id,
        dealId: material.dealId,
        campaignId: material.campaignId,
        kind: material.kind,
        title: material.title,
        assigneeId: material.assigneeId,
        dueDate: material.dueDate,
      },
    });
    await recordActivity(tx, {
      clientId: client.id,
      kind: 'material',
      subject: truncate(`${materialKindLabels[material.kind]} requested: ${material.title}`, 200),
      actorId: user.id,
    });
    await tell(
      tx,
      [material.assigneeId],
      'material_assigned',
      material,
      'For you to make',
      user.id,
    );
    return { id: material.id };
  },
});

/** Edits a request's campaign, title, brief, tags and due date. */
export const updateMaterialCommand = defineAction({
  schema: updateMaterialSchema,
  permission: 'materials.write',
  async run(input, { tx, user, audit }) {
    const material = await lockMaterial(tx, user, input.id, input.version);
    if (input.campaignId) await assertClientCampaign(tx, input.campaignId, material.clientId);
    const after = {
      campaignId: input.campaignId,
      title: input.title,
      brief: input.brief,
      tags: input.tags,
      dueDate: input.dueDate ?? null,
    };
    await tx
      .update(materials)
      .set({ ...after, version: material.version + 1 })
      .where(eq(materials.id, material.id));
    await audit({
      action: 'material.updated',
      entityType: 'material',
      entityId: material.id,
      before: {
        campaignId: material.campaignId,
        title: material.title,
        brief: material.brief,
        tags: material.tags,
        dueDate: material.dueDate,
      },
      after,
    });
    await recordActivity(tx, {
      clientId: material.clientId,
      kind: 'material',
      subject: truncate(`Material edited: ${input.title}`, 200),
      actorId: user.id,
    });
    return { id: material.id };
  },
});

async function reassign(
  context: ActionContext,
  material: Material,
  assigneeId: string,
): Promise<BulkOutcome> {
  const { tx, user, audit } = context;
  if (material.assigneeId === assigneeId) return 'unchanged';
  if (!(await userSeesClient(tx, assigneeId, material.clientId))) return 'invalid';
  await tx
    .update(materials)
    .set({ assigneeId, version: material.version + 1 })
    .where(eq(materials.id, material.id));
  await audit({
    action: 'material.assigned',
    entityType: 'material',
    entityId: material.id,
    before: { assigneeId: material.assigneeId },
    after: { assigneeId },
  });
  const [assignee] = await tx
    .select({ name: users.name })
    .from(users)
    .where(eq(users.id, assigneeId));
  await recordActivity(tx, {
    clientId: material.clientId,
    kind: 'material',
    subject: truncate(
      `Material assigned to ${assignee?.name ?? 'someone'}: ${material.title}`,
      200,
    ),
    actorId: user.id,
  });
  await tell(tx, [assigneeId], 'material_assigned', material, 'For you to make', user.id);
  return 'changed';
}

/** Gives the material to someone to make; they are told. */
export const assignMaterialCommand = defineAction({
  schema: assignMaterialSchema,
  permission: 'materials.write',
  async run(input, context) {
    const material = await lockMaterial(context.tx, context.user, input.id, input.version);
    await assertAssignable(context.tx, input.assigneeId, material.clientId);
    if ((await reassign(context, material, input.assigneeId)) === 'unchanged') {
      throw conflict('It is already assigned to them.');
    }
    return { id: material.id };
  },
});

function assertTransition(material: Material, transition: MaterialTransition) {
  if (!canTransitionMaterial(material.status, transition)) {
    throw conflict(
      `This material is ${materialStatusLabels[material.status].toLowerCase()}, so that step is not open.`,
    );
  }
}

/** Moves a material to `to`, bumping its version, with `changes`; records the step and why. */
async function moveMaterial(
  context: ActionContext,
  material: Material,
  to: MaterialStatus,
  comment: string | null,
  changes: Partial<typeof materials.$inferInsert> = {},
) {
  await context.tx
    .update(materials)
    .set({ ...changes, status: to, version: material.version + 1 })
    .where(eq(materials.id, material.id));
  await recordStatusChange(context, material, to, comment);
}

async function liveFileCount(tx: Transaction, materialId: string) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(documents)
    .where(
      and(
        eq(documents.recordKind, 'material'),
        eq(documents.recordId, materialId),
        isNull(documents.deletedAt),
      ),
    );
  return row?.n ?? 0;
}

/** The assignee (or anyone) starts on a requested material; unassigned, it becomes theirs. */
export const startMaterialCommand = defineAction({
  schema: materialStepSchema,
  permission: 'materials.write',
  async run(input, context) {
    const { tx, user } = context;
    const material = await lockMaterial(tx, user, input.id, input.version);
    assertTransition(material, 'start');
    await moveMaterial(context, material, 'in_progress', null, {
      assigneeId: material.assigneeId ?? user.id,
    });
    return { id: material.id };
  },
});

/** Who is told a material waits for review: the account owner when they may review, and managers. */
async function reviewersOf(tx: Transaction, material: Material) {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.active, true),
        or(
          eq(users.role, 'manager'),
          and(
            eq(users.role, 'executive'),
            inArray(
              users.id,
              tx
                .select({ id: clients.ownerId })
                .from(clients)
                .where(eq(clients.id, material.clientId)),
            ),
          ),
        ),
      ),
    );
  return rows
    .map((row) => row.id)
    .filter((id) => id !== material.assigneeId && id !== material.requestedById);
}

/** Submits a material with at least one file for review; the reviewers are told. */
export const submitMaterialCommand = defineAction({
  schema: materialStepSchema,
  permission: 'materials.write',
  async run(input, context) {
    const { tx, user } = context;
    const material = await lockMaterial(tx, user, input.id, input.version);
    assertTransition(material, 'submit');
    if ((await liveFileCount(tx, material.id)) === 0) {
      throw conflict('Upload the material’s file before submitting it for review.');
    }
    await moveMaterial(context, material, 'in_review', null);
    await tell(
      tx,
      await reviewersOf(tx, material),
      'material_review_requested',
      material,
      'Material to review',
      user.id,
    );
    return { id: material.id };
  },
});

/**
 * Sends a material back to work with what to change: from review, a reviewer's decision (never
 * the material's own authors'); once ready, anyone may reopen it. The assignee is told.
 */
export const sendBackMaterialCommand = defineAction({
  schema: sendBackMaterialSchema,
  permission: 'materials.write',
  async run(input, context) {
    const { tx, user } = context;
    const material = await lockMaterial(tx, user, input.id, input.version);
    assertTransition(material, 'sendBack');
    if (
      material.status === 'in_review' &&
      !can(user, 'materials.approve', materialAuthors(material))
    ) {
      throw forbidden(
        'Only an executive or a manager who neither requested nor made it may send it back.',
      );
    }
    await moveMaterial(context, material, 'in_progress', input.comment, {
      readyAt: null,
      approvedById: null,
    });
    await tell(
      tx,
      [material.assigneeId],
      'material_sent_back',
      material,
      'Sent back',
      user.id,
      input.comment,
    );
    return { id: material.id };
  },
});

/** A reviewer approves a material in review with a file: it is ready and joins the library. */
export const approveMaterialCommand = defineAction({
  schema: approveMaterialSchema,
  permission: 'materials.approve',
  async run(input, context) {
    const { tx, user } = context;
    const material = await lockMaterial(tx, user, input.id, input.version);
    if (!can(user, 'materials.approve', materialAuthors(material))) {
      throw forbidden('You cannot approve a material you requested or made.');
    }
    assertTransition(material, 'approve');
    if ((await liveFileCount(tx, material.id)) === 0) {
      throw conflict('A material is ready only with at least one file.');
    }
    await moveMaterial(context, material, 'ready', input.comment, {
      readyAt: new Date(),
      approvedById: user.id,
    });
    await tell(tx, [material.assigneeId], 'material_approved', material, 'Approved', user.id);
    return { id: material.id };
  },
});

const attachmentTargets = {
  proposal: { table: proposals, join: proposalMaterials, column: proposalMaterials.proposalId },
  meeting: { table: meetings, join: meetingMaterials, column: meetingMaterials.meetingId },
} as const;

/** The proposal or meeting the user sees, locked, with its client. */
async function lockAttachmentTarget(
  tx: Transaction,
  user: CurrentUser,
  kind: MaterialAttachmentKind,
  id: string,
) {
  const { table } = attachmentTargets[kind];
  const visibility = await visibleThroughClient(user, table.clientId);
  return lockVisibleRecord(tx, table, kind, { id, visibility });
}

/** Attaches a ready material of the same client to a proposal or meeting. */
export const attachMaterialCommand = defineAction({
  schema: materialAttachmentSchema,
  permission: 'materials.write',
  async run(input, { tx, user, audit }) {
    const target = await lockAttachmentTarget(tx, user, input.targetKind, input.targetId);
    const [material] = await tx
      .select()
      .from(materials)
      .where(and(eq(materials.id, input.materialId), await visibleMaterials(user)));
    if (!material) throw notFound(noun);
    if (material.status !== 'ready') throw conflict('Only a ready material can be attached.');
    if (material.clientId !== target.clientId) {
      throw conflict('Attach a material made for the same client.');
    }
    const { join } = attachmentTargets[input.targetKind];
    const inserted = await tx
      .insert(join)
      .values({
        ...(input.targetKind === 'proposal' ? { proposalId: target.id } : { meetingId: target.id }),
        materialId: material.id,
        attachedById: user.id,
      } as typeof join.$inferInsert)
      .onConflictDoNothing()
      .returning({ materialId: join.materialId });
    if (inserted.length === 0) throw conflict('This material is already attached.');
    await audit({
      action: 'material.attached',
      entityType: 'material',
      entityId: material.id,
      after: { targetKind: input.targetKind, targetId: target.id },
    });
    await recordActivity(tx, {
      clientId: material.clientId,
      kind: 'material',
      subject: truncate(`Material attached to a ${input.targetKind}: ${material.title}`, 200),
      actorId: user.id,
    });
    return { materialId: material.id };
  },
});

export const detachMaterialCommand = defineAction({
  schema: materialAttachmentSchema,
  permission: 'materials.write',
  async run(input, { tx, user, audit }) {
    const target = await lockAttachmentTarget(tx, user, input.targetKind, input.targetId);
    const { join, column } = attachmentTargets[input.targetKind];
    const removed = await tx
      .delete(join)
      .where(and(eq(column, target.id), eq(join.materialId, input.materialId)))
      .returning({ materialId: join.materialId });
    if (removed.length === 0) throw notFound('attachment');
    await audit({
      action: 'material.detached',
      entityType: 'material',
      entityId: input.materialId,
      before: { targetKind: input.targetKind, targetId: target.id },
    });
    await recordActivity(tx, {
      clientId: target.clientId,
      kind: 'material',
      subject: `Material detached from a ${input.targetKind}`,
      actorId: user.id,
    });
    return { materialId: input.materialId };
  },
});

/** Locks the selected materials the user may see, in id order, and assigns each. */
async function eachMaterial(
  context: ActionContext,
  selection: BulkSelection,
  change: (material: Material) => Promise<BulkOutcome>,
) {
  const visibility = await visibleMaterials(context.user);
  const where =
    selection.mode === 'rows'
      ? and(
          inArray(
            materials.id,
            selection.rows.map((row) => row.id),
          ),
          visibility,
        )
      : materialListWhere(
          visibility,
          materialListSchema.parse(selection.filter),
          calendarDateIn(context.user.timeZone, new Date(selection.listedAt)),
        );
  const found = await context.tx
    .select()
    .from(materials)
    .where(where)
    .orderBy(asc(materials.id))
    .limit(bulkCap + 1)
    .for('update');
  return runBulk(selection, found, 'materials', change);
}

/**
 * Assigns every selected material to one person: the same rule as one by one, so a material whose
 * account they do not see, or that is already theirs, is skipped and counted.
 */
export const bulkAssignMaterialsCommand = defineAction({
  schema: bulkAssignMaterialsSchema,
  permission: 'materials.write',
  async run(input, context) {
    await assertActiveUser(context.tx, input.assigneeId, 'assigneeId');
    return eachMaterial(context, input.selection, (material) =>
      reassign(context, material, input.assigneeId),
    );
  },
});

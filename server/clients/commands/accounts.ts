import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { clients } from '@/db/schema';
import { clientFieldLabels } from '@/lib/clients';
import {
  convertProspectSchema,
  createClientSchema,
  reassignClientSchema,
  updateClientSchema,
  type ClientFields,
} from '@/lib/validation/clients';
import { defineAction } from '@/server/action';
import { can } from '@/server/auth/permissions';
import { conflict, forbidden, staleRecord } from '@/server/errors';
import { rerouteHiddenReviews } from '@/server/proposals/reroute-reviews';
import {
  assertActiveUser,
  changedFields,
  initialTeam,
  lockVisibleClient,
  recordChange,
  replaceClientTags,
  tagNamesOf,
} from '../records';

/** The columns a client form writes, from its parsed input. */
function clientColumns(
  input: Omit<ClientFields, 'tags' | 'ownerId' | 'coordinatorId' | 'annualValue'> & {
    annualValue: number;
  },
) {
  return {
    name: input.name,
    status: input.status,
    industry: input.industry ?? null,
    tier: input.tier,
    website: input.website ?? null,
    phone: input.phone ?? null,
    currency: input.currency,
    annualValueCents: input.annualValue,
    billingEmail: input.billingEmail ?? null,
    billingAddress: input.billingAddress ?? null,
    notes: input.notes ?? null,
    fitScore: input.fitScore ?? null,
    source: input.source ?? null,
    nextStep: input.nextStep ?? null,
    nextStepDate: input.nextStepDate ?? null,
  };
}

function describe(fields: string[]) {
  return fields.map((field) => clientFieldLabels[field] ?? field).join(', ');
}

export const createClientCommand = defineAction({
  schema: createClientSchema,
  permission: 'clients.write',
  async run(input, { tx, user, audit }) {
    await assertActiveUser(tx, input.ownerId, 'ownerId');
    await assertActiveUser(tx, input.coordinatorId, 'coordinatorId');
    const { ownerId, coordinatorId } = initialTeam(user, input);
    const [created] = await tx
      .insert(clients)
      .values({ ...clientColumns(input), ownerId, coordinatorId })
      .returning();
    if (!created) throw new Error('client not created');
    await replaceClientTags(tx, created.id, input.tags);
    await recordChange(
      tx,
      created.id,
      user.id,
      input.status === 'prospect' ? 'Added as a prospect' : 'Added the account',
    );
    await audit({
      action: 'client.created',
      entityType: 'client',
      entityId: created.id,
      after: { ...clientColumns(input), ownerId, coordinatorId, tags: input.tags },
    });
    return { id: created.id };
  },
});

export const updateClientCommand = defineAction({
  schema: updateClientSchema,
  permission: 'clients.write',
  async run(input, { tx, user, audit }) {
    const client = await lockVisibleClient(tx, user, input.clientId, input.version);
    const next = clientColumns(input);
    const previousTags = await tagNamesOf(tx, client.id);
    const changes = changedFields({ ...client, tags: previousTags } as Record<string, unknown>, {
      ...next,
      tags: [...input.tags].sort(),
    });
    const changedKeys = Object.keys(changes.after);
    if (changedKeys.length === 0) return { id: client.id, version: client.version };
    const [updated] = await tx
      .update(clients)
      .set({ ...next, version: sql`${clients.version} + 1` })
      .where(and(eq(clients.id, client.id), eq(clients.version, input.version)))
      .returning({ version: clients.version });
    if (!updated) throw staleRecord('client');
    if ('tags' in changes.after) await replaceClientTags(tx, client.id, input.tags);
    await recordChange(tx, client.id, user.id, `Changed ${describe(changedKeys)}`);
    await audit({
      action: 'client.updated',
      entityType: 'client',
      entityId: client.id,
      ...changes,
    });
    return { id: client.id, version: updated.version };
  },
});

export const reassignClientCommand = defineAction({
  schema: reassignClientSchema,
  permission: 'clients.reassign',
  async run(input, context) {
    const { tx, user, audit } = context;
    const client = await lockVisibleClient(tx, user, input.clientId, input.version);
    if (!can(user, 'clients.reassign', { ownerId: client.ownerId })) {
      throw forbidden('Only the account owner or a manager can reassign this account.');
    }
    await assertActiveUser(tx, input.ownerId, 'ownerId');
    await assertActiveUser(tx, input.coordinatorId, 'coordinatorId');
    const changes = changedFields(client as Record<string, unknown>, {
      ownerId: input.ownerId ?? null,
      coordinatorId: input.coordinatorId ?? null,
    });
    const changedKeys = Object.keys(changes.after);
    if (changedKeys.length === 0) return { id: client.id, version: client.version };
    const [updated] = await tx
      .update(clients)
      .set({
        ownerId: input.ownerId ?? null,
        coordinatorId: input.coordinatorId ?? null,
        version: sql`${clients.version} + 1`,
      })
      .where(eq(clients.id, client.id))
      .returning({ version: clients.version });
    await recordChange(tx, client.id, user.id, `Reassigned ${describe(changedKeys)}`);
    await audit({
      action: 'client.reassigned',
      entityType: 'client',
      entityId: client.id,
      ...changes,
    });
    await rerouteHiddenReviews(context, { clientId: client.id });
    return { id: client.id, version: updated?.version ?? client.version };
  },
});

export const convertProspectCommand = defineAction({
  schema: convertProspectSchema,
  permission: 'clients.write',
  async run(input, { tx, user, audit }) {
    const client = await lockVisibleClient(tx, user, input.clientId, input.version);
    if (client.status !== 'prospect')
      throw conflict('Only a prospect can be converted to a client.');
    const [updated] = await tx
      .update(clients)
      .set({ status: 'active', version: sql`${clients.version} + 1` })
      .where(eq(clients.id, client.id))
      .returning({ version: clients.version });
    await recordChange(tx, client.id, user.id, 'Converted to a client');
    await audit({
      action: 'client.converted',
      entityType: 'client',
      entityId: client.id,
      before: { status: 'prospect' },
      after: { status: 'active' },
    });
    return { id: client.id, version: updated?.version ?? client.version };
  },
});

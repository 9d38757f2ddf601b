import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { clientCompetitors, clients, competitors, contacts, researchNotes } from '@/db/schema';
import { clientFieldLabels } from '@/lib/clients';
import {
  competitorLinkSchema,
  contactRefSchema,
  contactSchema,
  convertProspectSchema,
  createClientSchema,
  logActivitySchema,
  reassignClientSchema,
  researchNoteRefSchema,
  researchNoteSchema,
  updateClientSchema,
  updateContactSchema,
  type ClientFields,
} from '@/lib/validation/clients';
import { defineAction } from '@/server/action';
import { can } from '@/server/auth/permissions';
import { ActionError, staleRecord } from '@/server/errors';
import { rerouteHiddenReviews } from '@/server/proposals/reroute-reviews';
import type { Transaction } from '@/db/client';
import {
  assertActiveUser,
  changedFields,
  lockVisibleClient,
  recordActivity,
  recordChange,
  initialTeam,
  replaceClientTags,
  tagNamesOf,
} from './records';

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
    const client = await lockVisibleClient(tx, user, input.clientId);
    if (client.version !== input.version) throw staleRecord('client');
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
    const client = await lockVisibleClient(tx, user, input.clientId);
    if (!can(user, 'clients.reassign', { ownerId: client.ownerId })) {
      throw new ActionError('Only the account owner or a manager can reassign this account.');
    }
    if (client.version !== input.version) throw staleRecord('client');
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
    const client = await lockVisibleClient(tx, user, input.clientId);
    if (client.version !== input.version) throw staleRecord('client');
    if (client.status !== 'prospect')
      throw new ActionError('Only a prospect can be converted to a client.');
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

/** Makes `contactId` the client's only primary contact. */
async function makePrimary(tx: Transaction, clientId: string, contactId: string) {
  await tx
    .update(contacts)
    .set({ isPrimary: false })
    .where(and(eq(contacts.clientId, clientId), eq(contacts.isPrimary, true)));
  await tx.update(contacts).set({ isPrimary: true }).where(eq(contacts.id, contactId));
}

export const addContactCommand = defineAction({
  schema: contactSchema,
  permission: 'clients.write',
  async run(input, { tx, user, audit }) {
    await lockVisibleClient(tx, user, input.clientId);
    const { isPrimary, ...fields } = input;
    const [contact] = await tx
      .insert(contacts)
      .values({
        ...fields,
        title: fields.title ?? null,
        email: fields.email ?? null,
        phone: fields.phone ?? null,
      })
      .returning();
    if (!contact) throw new Error('contact not created');
    if (isPrimary) await makePrimary(tx, input.clientId, contact.id);
    await recordChange(tx, input.clientId, user.id, `Added contact ${contact.name}`);
    await audit({
      action: 'contact.created',
      entityType: 'contact',
      entityId: contact.id,
      after: { ...fields, isPrimary },
    });
    return { id: contact.id };
  },
});

async function lockContact(tx: Transaction, clientId: string, contactId: string) {
  const [contact] = await tx
    .select()
    .from(contacts)
    .where(and(eq(contacts.id, contactId), eq(contacts.clientId, clientId)))
    .for('update');
  if (!contact) throw new ActionError('This contact no longer exists.');
  return contact;
}

export const updateContactCommand = defineAction({
  schema: updateContactSchema,
  permission: 'clients.write',
  async run(input, { tx, user, audit }) {
    await lockVisibleClient(tx, user, input.clientId);
    const contact = await lockContact(tx, input.clientId, input.contactId);
    if (contact.version !== input.version) throw staleRecord('contact');
    const next = {
      name: input.name,
      title: input.title ?? null,
      email: input.email ?? null,
      phone: input.phone ?? null,
    };
    const changes = changedFields(contact as Record<string, unknown>, {
      ...next,
      isPrimary: input.isPrimary,
    });
    if (Object.keys(changes.after).length === 0)
      return { id: contact.id, version: contact.version };
    const [updated] = await tx
      .update(contacts)
      .set({ ...next, version: sql`${contacts.version} + 1` })
      .where(eq(contacts.id, contact.id))
      .returning({ version: contacts.version });
    if (input.isPrimary && !contact.isPrimary) await makePrimary(tx, input.clientId, contact.id);
    if (!input.isPrimary && contact.isPrimary) {
      await tx.update(contacts).set({ isPrimary: false }).where(eq(contacts.id, contact.id));
    }
    await recordChange(tx, input.clientId, user.id, `Updated contact ${input.name}`);
    await audit({
      action: 'contact.updated',
      entityType: 'contact',
      entityId: contact.id,
      ...changes,
    });
    return { id: contact.id, version: updated?.version ?? contact.version };
  },
});

export const removeContactCommand = defineAction({
  schema: contactRefSchema,
  permission: 'clients.write',
  async run(input, { tx, user, audit }) {
    await lockVisibleClient(tx, user, input.clientId);
    const contact = await lockContact(tx, input.clientId, input.contactId);
    await tx.delete(contacts).where(eq(contacts.id, contact.id));
    await recordChange(tx, input.clientId, user.id, `Removed contact ${contact.name}`);
    await audit({
      action: 'contact.deleted',
      entityType: 'contact',
      entityId: contact.id,
      before: { name: contact.name, email: contact.email, title: contact.title },
    });
    return { id: contact.id };
  },
});

export const logActivityCommand = defineAction({
  schema: logActivitySchema,
  permission: 'clients.write',
  async run(input, { tx, user, audit }) {
    await lockVisibleClient(tx, user, input.clientId);
    await recordActivity(tx, { ...input, body: input.body ?? null, actorId: user.id });
    await audit({
      action: 'activity.logged',
      entityType: 'client',
      entityId: input.clientId,
      after: { kind: input.kind, subject: input.subject },
    });
    return { clientId: input.clientId };
  },
});

export const addResearchNoteCommand = defineAction({
  schema: researchNoteSchema,
  permission: 'clients.write',
  async run(input, { tx, user, audit }) {
    await lockVisibleClient(tx, user, input.clientId);
    const [note] = await tx
      .insert(researchNotes)
      .values({ ...input, sourceUrl: input.sourceUrl ?? null, authorId: user.id })
      .returning({ id: researchNotes.id });
    await recordChange(tx, input.clientId, user.id, 'Added a research note');
    await audit({
      action: 'research.created',
      entityType: 'research_note',
      entityId: note?.id,
      after: { topic: input.topic },
    });
    return { id: note?.id };
  },
});

export const deleteResearchNoteCommand = defineAction({
  schema: researchNoteRefSchema,
  permission: 'clients.write',
  async run(input, { tx, user, audit }) {
    await lockVisibleClient(tx, user, input.clientId);
    const [note] = await tx
      .select()
      .from(researchNotes)
      .where(and(eq(researchNotes.id, input.noteId), eq(researchNotes.clientId, input.clientId)));
    if (!note) throw new ActionError('This note no longer exists.');
    if (!can(user, 'research.delete', { authorId: note.authorId })) {
      throw new ActionError('Only the author or a manager can delete a research note.');
    }
    await tx.delete(researchNotes).where(eq(researchNotes.id, note.id));
    await audit({
      action: 'research.deleted',
      entityType: 'research_note',
      entityId: note.id,
      before: { topic: note.topic, summary: note.summary },
    });
    return { id: note.id };
  },
});

export const linkCompetitorCommand = defineAction({
  schema: competitorLinkSchema,
  permission: 'clients.write',
  async run(input, { tx, user, audit }) {
    await lockVisibleClient(tx, user, input.clientId);
    const [competitor] = await tx
      .select()
      .from(competitors)
      .where(eq(competitors.id, input.competitorId));
    if (!competitor)
      throw new ActionError('Check the highlighted fields.', {
        competitorId: ['Choose a competitor.'],
      });
    await tx.insert(clientCompetitors).values(input).onConflictDoNothing();
    await recordChange(tx, input.clientId, user.id, `Linked competitor ${competitor.name}`);
    await audit({
      action: 'competitor.linked',
      entityType: 'client',
      entityId: input.clientId,
      after: { competitor: competitor.name },
    });
    return { clientId: input.clientId };
  },
});

export const unlinkCompetitorCommand = defineAction({
  schema: competitorLinkSchema,
  permission: 'clients.write',
  async run(input, { tx, user, audit }) {
    await lockVisibleClient(tx, user, input.clientId);
    const [removed] = await tx
      .delete(clientCompetitors)
      .where(
        and(
          eq(clientCompetitors.clientId, input.clientId),
          eq(clientCompetitors.competitorId, input.competitorId),
        ),
      )
      .returning({ competitorId: clientCompetitors.competitorId });
    if (!removed) return { clientId: input.clientId };
    const [competitor] = await tx
      .select({ name: competitors.name })
      .from(competitors)
      .where(eq(competitors.id, input.competitorId));
    await recordChange(
      tx,
      input.clientId,
      user.id,
      `Unlinked competitor ${competitor?.name ?? ''}`.trim(),
    );
    await audit({
      action: 'competitor.unlinked',
      entityType: 'client',
      entityId: input.clientId,
      before: { competitor: competitor?.name ?? input.competitorId },
    });
    return { clientId: input.clientId };
  },
});

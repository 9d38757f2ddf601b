import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { contacts } from '@/db/schema';
import { contactRefSchema, contactSchema, updateContactSchema } from '@/lib/validation/clients';
import { defineAction } from '@/server/action';
import { lockVisibleRecord } from '@/server/lock-record';
import { changedFields, lockVisibleClient, recordChange } from '../records';

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

/** Locks one of the client's contacts, at the version the form read when it names one. */
function lockContact(tx: Transaction, clientId: string, contactId: string, version?: number) {
  const visibility = eq(contacts.clientId, clientId);
  return lockVisibleRecord(tx, contacts, 'contact', { id: contactId, visibility, version });
}

export const updateContactCommand = defineAction({
  schema: updateContactSchema,
  permission: 'clients.write',
  async run(input, { tx, user, audit }) {
    await lockVisibleClient(tx, user, input.clientId);
    const contact = await lockContact(tx, input.clientId, input.contactId, input.version);
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

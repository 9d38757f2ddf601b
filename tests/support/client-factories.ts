import { randomUUID } from 'node:crypto';
import { db } from '@/db/client';
import { clients, contacts, settings } from '@/db/schema';
import type { RecordVisibility } from '@/lib/validation/clients';

export async function createClientRecord(overrides: Partial<typeof clients.$inferInsert> = {}) {
  const [client] = await db
    .insert(clients)
    .values({ name: `Client ${randomUUID().slice(0, 8)}`, status: 'active', ...overrides })
    .returning();
  if (!client) throw new Error('client not created');
  return client;
}

export async function createContactRecord(
  clientId: string,
  overrides: Partial<typeof contacts.$inferInsert> = {},
) {
  const [contact] = await db
    .insert(contacts)
    .values({ clientId, name: `Contact ${randomUUID().slice(0, 8)}`, ...overrides })
    .returning();
  if (!contact) throw new Error('contact not created');
  return contact;
}

export async function setVisibility(visibility: RecordVisibility) {
  await db
    .insert(settings)
    .values({ key: 'records.visibility', value: visibility })
    .onConflictDoUpdate({ target: settings.key, set: { value: visibility } });
}

/** The fields of the client form, as strings, the way a browser sends them. */
export function clientForm(overrides: Record<string, string> = {}) {
  return {
    name: `Form Client ${randomUUID().slice(0, 8)}`,
    status: 'active',
    industry: 'Software',
    tier: 'key',
    website: 'example.com',
    phone: '',
    currency: 'USD',
    annualValue: '120,000',
    billingEmail: '',
    billingAddress: '',
    notes: '',
    fitScore: '',
    source: '',
    nextStep: '',
    nextStepDate: '',
    tags: 'Retainer, Global',
    ...overrides,
  };
}

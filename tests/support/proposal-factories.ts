import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { clients, proposals, type NewProposal } from '@/db/schema';

/**
 * Inserts a proposal row; without a `clientId` it makes a client of its own for it. A draft by
 * default: pass `status`, `reviewDueAt`, `validUntil` and so on for the state a test needs.
 */
export async function createProposal(database: Executor, overrides: Partial<NewProposal> = {}) {
  let clientId = overrides.clientId;
  if (!clientId) {
    const [client] = await database
      .insert(clients)
      .values({ name: `Proposal Client ${randomUUID().slice(0, 8)}`, status: 'active' })
      .returning({ id: clients.id });
    if (!client) throw new Error('client not created');
    clientId = client.id;
  }
  const [proposal] = await database
    .insert(proposals)
    .values({
      title: `Proposal ${randomUUID().slice(0, 8)}`,
      body: 'Scope, timeline and fees.',
      amountCents: 2_500_000,
      ...overrides,
      clientId,
    })
    .returning();
  if (!proposal) throw new Error('proposal not created');
  return proposal;
}

/** The proposal's row as stored now. */
export async function readProposal(id: string) {
  const [row] = await db.select().from(proposals).where(eq(proposals.id, id));
  if (!row) throw new Error('no proposal');
  return row;
}

import { randomUUID } from 'node:crypto';
import { db } from '@/db/client';
import { proposals } from '@/db/schema';

/** A proposal row inserted straight into the database, for tests that only need one to exist. */
export async function createProposalRecord(
  clientId: string,
  overrides: Partial<typeof proposals.$inferInsert> = {},
) {
  const [proposal] = await db
    .insert(proposals)
    .values({
      clientId,
      title: `Proposal ${randomUUID().slice(0, 8)}`,
      body: 'Scope of work.',
      ...overrides,
    })
    .returning();
  if (!proposal) throw new Error('proposal not created');
  return proposal;
}

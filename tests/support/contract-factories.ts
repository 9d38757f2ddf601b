import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { contracts } from '@/db/schema';

/** Inserts a contract row for `clientId`: a draft by default, any state by `overrides`. */
export async function createContractRecord(
  clientId: string,
  overrides: Partial<typeof contracts.$inferInsert> = {},
) {
  const [contract] = await db
    .insert(contracts)
    .values({
      clientId,
      title: `Contract ${randomUUID().slice(0, 8)}`,
      valueCents: 1_200_000,
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      terms: 'Services for {{client.name}}.',
      ...overrides,
    })
    .returning();
  if (!contract) throw new Error('contract not created');
  return contract;
}

export async function readContract(id: string) {
  const [row] = await db.select().from(contracts).where(eq(contracts.id, id));
  if (!row) throw new Error('no contract');
  return row;
}

import { db } from '@/db/client';
import { feedback, type NewFeedback } from '@/db/schema';

/** Inserts feedback as it would stand after its steps so far, for tests that start mid-way. */
export async function createFeedbackRecord(overrides: Partial<NewFeedback> & { clientId: string }) {
  const [item] = await db
    .insert(feedback)
    .values({
      channel: 'call',
      sentiment: 'negative',
      body: 'Reports were late again.',
      ...overrides,
    })
    .returning();
  if (!item) throw new Error('feedback not created');
  return item;
}

import { randomUUID } from 'node:crypto';
import { db } from '@/db/client';
import { deals, proposalTemplates, proposalTemplateVersions } from '@/db/schema';
import { defaultProbability } from '@/lib/deals';

export async function createDealRecord(
  clientId: string,
  overrides: Partial<typeof deals.$inferInsert> = {},
) {
  const stage = overrides.stage ?? 'proposal';
  const [deal] = await db
    .insert(deals)
    .values({
      clientId,
      name: `Deal ${randomUUID().slice(0, 8)}`,
      stage,
      probability: defaultProbability[stage],
      amountCents: 2_500_000,
      ...overrides,
    })
    .returning();
  if (!deal) throw new Error('deal not created');
  return deal;
}

/** A template with one published version carrying `body`. */
export async function createPublishedTemplate(
  body: string,
  name = `Template ${randomUUID().slice(0, 8)}`,
) {
  const [template] = await db
    .insert(proposalTemplates)
    .values({ name, body, status: 'published', publishedVersion: 1 })
    .returning();
  if (!template) throw new Error('template not created');
  await db
    .insert(proposalTemplateVersions)
    .values({ templateId: template.id, number: 1, name, body });
  return template;
}

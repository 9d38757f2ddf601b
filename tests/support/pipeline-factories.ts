import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { db } from '@/db/client';
import {
  deals,
  proposalReviews,
  proposals,
  proposalTemplates,
  proposalTemplateVersions,
} from '@/db/schema';

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

/** A decision `daysAgo` days ago on a submission made `turnaroundHours` before it. */
export async function createReviewRecord(
  proposalId: string,
  { daysAgo: days, turnaroundHours }: { daysAgo: number; turnaroundHours: number },
) {
  const decidedAt = daysAgo(days);
  await db.insert(proposalReviews).values({
    proposalId,
    versionNumber: 1,
    decision: 'approved',
    submittedAt: new Date(decidedAt.getTime() - turnaroundHours * 3_600_000),
    createdAt: decidedAt,
  });
}

/** Empties the pipeline tables, so a test's totals are its own. */
export async function clearPipeline() {
  await db.execute(sql`truncate ${deals}, ${proposals} cascade`);
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

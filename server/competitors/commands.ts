import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { competitors } from '@/db/schema';
import { competitorSchema, updateCompetitorSchema } from '@/lib/validation/clients';
import { defineAction } from '@/server/action';
import { changedFields } from '@/server/clients/records';
import { conflict, isUniqueViolation } from '@/server/errors';
import { lockVisibleRecord } from '@/server/lock-record';

const duplicateName = () =>
  conflict('Check the highlighted fields.', {
    name: ['A competitor with this name already exists.'],
  });

function competitorColumns(input: {
  name: string;
  website?: string | null;
  strengths?: string | null;
  weaknesses?: string | null;
  pricingNotes?: string | null;
}) {
  return {
    name: input.name,
    website: input.website ?? null,
    strengths: input.strengths ?? null,
    weaknesses: input.weaknesses ?? null,
    pricingNotes: input.pricingNotes ?? null,
  };
}

export const createCompetitorCommand = defineAction({
  schema: competitorSchema,
  permission: 'clients.write',
  async run(input, { tx, audit }) {
    const [created] = await tx
      .insert(competitors)
      .values(competitorColumns(input))
      .onConflictDoNothing()
      .returning();
    if (!created) throw duplicateName();
    await audit({
      action: 'competitor.created',
      entityType: 'competitor',
      entityId: created.id,
      after: competitorColumns(input),
    });
    return { id: created.id };
  },
});

export const updateCompetitorCommand = defineAction({
  schema: updateCompetitorSchema,
  permission: 'clients.write',
  async run(input, { tx, audit }) {
    const current = await lockVisibleRecord(tx, competitors, 'competitor', {
      id: input.competitorId,
      version: input.version,
    });
    const next = competitorColumns(input);
    const [clash] = await tx
      .select({ id: competitors.id })
      .from(competitors)
      .where(
        and(
          sql`lower(${competitors.name}) = lower(${input.name})`,
          sql`${competitors.id} <> ${current.id}`,
        ),
      );
    if (clash) throw duplicateName();
    const [updated] = await tx
      .update(competitors)
      .set({ ...next, version: sql`${competitors.version} + 1` })
      .where(eq(competitors.id, current.id))
      .returning({ version: competitors.version })
      // Another rename can take the name between the check above and this write.
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw duplicateName();
        throw error;
      });
    await audit({
      action: 'competitor.updated',
      entityType: 'competitor',
      entityId: current.id,
      ...changedFields(current as Record<string, unknown>, next),
    });
    return { id: current.id, version: updated?.version ?? current.version };
  },
});

import 'server-only';
import { and, eq } from 'drizzle-orm';
import { clientCompetitors, competitors } from '@/db/schema';
import { competitorLinkSchema } from '@/lib/validation/clients';
import { defineAction } from '@/server/action';
import { ActionError } from '@/server/errors';
import { lockVisibleClient, recordChange } from '../records';

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

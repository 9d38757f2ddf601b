import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { campaigns } from '@/db/schema';
import { campaignStatusLabels } from '@/lib/campaigns';
import { createCampaignSchema, updateCampaignSchema } from '@/lib/validation/campaigns';
import { defineAction } from '@/server/action';
import { assertActiveUser, lockVisibleClient } from '@/server/clients/records';
import { notFound } from '@/server/errors';
import { lockCampaign, recordCampaignChange, settleCampaignBudget } from './records';

export const createCampaignCommand = defineAction({
  schema: createCampaignSchema,
  permission: 'campaigns.write',
  async run(input, context) {
    const { tx, user } = context;
    const client = await lockVisibleClient(tx, user, input.clientId);
    // Left out, the people are the account's; chosen blank, the campaign has nobody in that role.
    const ownerId = input.ownerId === undefined ? client.ownerId : input.ownerId;
    const coordinatorId =
      input.coordinatorId === undefined ? client.coordinatorId : input.coordinatorId;
    await assertActiveUser(tx, input.ownerId, 'ownerId');
    await assertActiveUser(tx, input.coordinatorId, 'coordinatorId');
    const [created] = await tx
      .insert(campaigns)
      .values({
        clientId: client.id,
        name: input.name,
        goal: input.goal,
        startDate: input.startDate ?? null,
        endDate: input.endDate ?? null,
        status: input.status,
        ownerId,
        coordinatorId,
        currency: input.currency,
        budgetPlannedCents: input.budgetPlanned,
        createdById: user.id,
      })
      .returning();
    if (!created) throw new Error('campaign not created');
    await recordCampaignChange(
      context,
      created,
      {
        action: 'created',
        after: {
          name: created.name,
          status: created.status,
          budgetPlannedCents: created.budgetPlannedCents,
          currency: created.currency,
        },
      },
      `Campaign planned: ${created.name}`,
    );
    return { id: created.id };
  },
});

export const updateCampaignCommand = defineAction({
  schema: updateCampaignSchema,
  permission: 'campaigns.write',
  async run(input, context) {
    const { tx, user } = context;
    const campaign = await lockCampaign(tx, user, input.id, input.version);
    await assertActiveUser(tx, input.ownerId, 'ownerId');
    await assertActiveUser(tx, input.coordinatorId, 'coordinatorId');
    const change = {
      name: input.name,
      goal: input.goal,
      startDate: input.startDate ?? null,
      endDate: input.endDate ?? null,
      status: input.status,
      // A form without the field leaves the person as they are; a blank choice removes them.
      ownerId: input.ownerId === undefined ? campaign.ownerId : input.ownerId,
      coordinatorId:
        input.coordinatorId === undefined ? campaign.coordinatorId : input.coordinatorId,
      currency: input.currency,
      budgetPlannedCents: input.budgetPlanned,
    };
    const [updated] = await tx
      .update(campaigns)
      .set({ ...change, version: sql`${campaigns.version} + 1` })
      .where(eq(campaigns.id, campaign.id))
      .returning();
    if (!updated) throw notFound('campaign');
    // A new plan moves the share used: the alert ledger follows it.
    const settled = await settleCampaignBudget(tx, updated, user.id);
    await recordCampaignChange(
      context,
      campaign,
      {
        action: 'updated',
        before: {
          status: campaign.status,
          budgetPlannedCents: campaign.budgetPlannedCents,
          version: campaign.version,
        },
        after: change,
      },
      campaign.status === updated.status
        ? `Campaign edited: ${updated.name}`
        : `Campaign ${campaignStatusLabels[updated.status].toLowerCase()}: ${updated.name}`,
    );
    return { id: settled.id, version: settled.version };
  },
});

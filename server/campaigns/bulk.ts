import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { campaigns, type Campaign } from '@/db/schema';
import { bulkCap, type BulkOutcome, type BulkSelection } from '@/lib/bulk';
import { campaignStatusLabels } from '@/lib/campaigns';
import {
  bulkReassignCampaignCoordinatorSchema,
  bulkSetCampaignStatusSchema,
  campaignListSchema,
} from '@/lib/validation/campaigns';
import { defineAction, type ActionContext } from '@/server/action';
import type { CurrentUser } from '@/server/auth/session';
import { runBulk } from '@/server/bulk/run-bulk';
import { assertActiveUser } from '@/server/clients/records';
import { campaignListWhere } from './list-query';
import { recordCampaignChange } from './records';
import { visibleCampaigns } from './visibility';

/** Locks the selected campaigns the user may see, in id order, and runs `change` on each as shown. */
async function eachCampaign(
  tx: Transaction,
  user: CurrentUser,
  selection: BulkSelection,
  change: (campaign: Campaign) => Promise<BulkOutcome>,
) {
  const visibility = await visibleCampaigns(user);
  const where =
    selection.mode === 'rows'
      ? and(
          inArray(
            campaigns.id,
            selection.rows.map((row) => row.id),
          ),
          visibility,
        )
      : campaignListWhere(visibility, campaignListSchema.parse(selection.filter));
  const found = await tx
    .select()
    .from(campaigns)
    .where(where)
    .orderBy(asc(campaigns.id))
    .limit(bulkCap + 1)
    .for('update');
  return runBulk(selection, found, 'campaigns', change);
}

async function writeBulkChange(
  context: ActionContext,
  campaign: Campaign,
  change: Partial<Pick<Campaign, 'status' | 'coordinatorId'>>,
  subject: string,
) {
  await context.tx
    .update(campaigns)
    .set({ ...change, version: sql`${campaigns.version} + 1` })
    .where(eq(campaigns.id, campaign.id));
  const before = Object.fromEntries(
    Object.keys(change).map((key) => [key, campaign[key as keyof typeof change]]),
  );
  await recordCampaignChange(
    context,
    campaign,
    { action: 'updated', before, after: { ...change, bulk: true } },
    subject,
  );
}

export const bulkSetCampaignStatusCommand = defineAction({
  schema: bulkSetCampaignStatusSchema,
  permission: 'campaigns.write',
  async run(input, context) {
    return eachCampaign(context.tx, context.user, input.selection, async (campaign) => {
      if (campaign.status === input.status) return 'unchanged';
      await writeBulkChange(
        context,
        campaign,
        { status: input.status },
        `Campaign ${campaignStatusLabels[input.status].toLowerCase()}: ${campaign.name}`,
      );
      return 'changed';
    });
  },
});

export const bulkReassignCampaignCoordinatorCommand = defineAction({
  schema: bulkReassignCampaignCoordinatorSchema,
  permission: 'campaigns.write',
  async run(input, context) {
    await assertActiveUser(context.tx, input.coordinatorId, 'coordinatorId');
    return eachCampaign(context.tx, context.user, input.selection, async (campaign) => {
      if (campaign.coordinatorId === input.coordinatorId) return 'unchanged';
      await writeBulkChange(
        context,
        campaign,
        { coordinatorId: input.coordinatorId },
        `Changed coordinator of campaign ${campaign.name}`,
      );
      return 'changed';
    });
  },
});

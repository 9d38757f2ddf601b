import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { budgetEntries, campaigns, type Campaign } from '@/db/schema';
import { budgetAlert } from '@/lib/campaigns';
import { formatMoney } from '@/lib/format';
import { truncate } from '@/lib/utils';
import type { ActionContext } from '@/server/action';
import type { CurrentUser } from '@/server/auth/session';
import { recordActivity } from '@/server/clients/records';
import { lockVisibleRecord } from '@/server/lock-record';
import { notify } from '@/server/notifications/notify';
import { visibleCampaigns } from './visibility';

export const campaignNoun = 'campaign';

/** Locks a campaign the user may see; refuses a form that read an older version. */
export async function lockCampaign(
  tx: Transaction,
  user: CurrentUser,
  id: string,
  version?: number,
) {
  return lockVisibleRecord(tx, campaigns, campaignNoun, {
    id,
    visibility: await visibleCampaigns(user),
    version,
  });
}

/** A campaign write's audit entry and client timeline line, in the write's transaction. */
export async function recordCampaignChange(
  { tx, user, audit }: ActionContext,
  campaign: Pick<Campaign, 'id' | 'clientId'>,
  entry: { action: string; before?: Record<string, unknown>; after?: Record<string, unknown> },
  subject: string,
) {
  await audit({
    action: `campaign.${entry.action}`,
    entityType: 'campaign',
    entityId: campaign.id,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
  await recordActivity(tx, {
    clientId: campaign.clientId,
    kind: 'campaign',
    subject: truncate(subject, 200),
    actorId: user.id,
  });
}

/**
 * Re-sums the campaign's entries onto its row and settles the alert ledger: when use newly
 * reaches 90 % or 100 % of the plan the owner is notified, once, in this transaction; when it
 * falls back (the plan raised, an entry removed) the ledger comes down so the next pass tells
 * again. The campaign must be locked by the caller. Returns the campaign as updated.
 */
export async function settleCampaignBudget(
  tx: Transaction,
  campaign: Campaign,
  actorId: string,
): Promise<Campaign> {
  const [sums] = await tx
    .select({
      committedCents:
        sql<number>`coalesce(sum(${budgetEntries.amountCents}) filter (where ${budgetEntries.kind} = 'committed'), 0)::bigint`.mapWith(
          Number,
        ),
      spentCents:
        sql<number>`coalesce(sum(${budgetEntries.amountCents}) filter (where ${budgetEntries.kind} = 'spent'), 0)::bigint`.mapWith(
          Number,
        ),
    })
    .from(budgetEntries)
    .where(eq(budgetEntries.campaignId, campaign.id));
  const committedCents = sums?.committedCents ?? 0;
  const spentCents = sums?.spentCents ?? 0;
  const usedCents = committedCents + spentCents;
  const alert = budgetAlert(campaign.budgetAlertLevel, campaign.budgetPlannedCents, usedCents);
  const [updated] = await tx
    .update(campaigns)
    .set({ committedCents, spentCents, budgetAlertLevel: alert.level })
    .where(eq(campaigns.id, campaign.id))
    .returning();
  if (!updated) throw new Error('campaign vanished while locked');
  if (alert.notify) {
    const used = formatMoney(usedCents, campaign.currency);
    const planned = formatMoney(campaign.budgetPlannedCents, campaign.currency);
    await notify(
      tx,
      [campaign.ownerId],
      {
        kind: 'campaign_budget',
        title: truncate(
          alert.notify === 100
            ? `${campaign.name} has used 100% of its budget`
            : `${campaign.name} has used 90% of its budget`,
          200,
        ),
        body: `${used} committed and spent of ${planned} planned.`,
        href: `/campaigns/${campaign.id}`,
        clientId: campaign.clientId,
      },
      actorId,
    );
  }
  return updated;
}

import 'server-only';
import { asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { forbidden } from 'next/navigation';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { db } from '@/db/client';
import { campaigns, clients } from '@/db/schema';
import type { CampaignFilters } from '@/lib/validation/campaigns';
import { can } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';
import { campaignListWhere, campaignOwners } from './list-query';
import { visibleCampaigns } from './visibility';

export type CurrencyBudgetTotal = {
  currency: string;
  campaigns: number;
  plannedCents: number;
  committedCents: number;
  spentCents: number;
};

const sumOf = (column: PgColumn) =>
  sql<number>`coalesce(sum(${column}), 0)::bigint`.mapWith(Number);

/**
 * Planned, committed and spent summed per currency over the campaigns the viewer sees that match
 * `filters` (status, owner, client, running dates, over budget). It reads the sums kept on each
 * campaign, so it never aggregates budget entries. The list's totals row and the budget-use
 * report both ask it.
 */
export async function getCampaignBudgetTotals(
  viewer: CurrentUser,
  filters: CampaignFilters,
): Promise<CurrencyBudgetTotal[]> {
  if (!can(viewer, 'clients.read')) forbidden();
  return campaignTotalsQuery(campaignListWhere(await visibleCampaigns(viewer), filters));
}

/** The per-currency totals statement for a WHERE of the campaigns list (the bench reads its plan). */
export function campaignTotalsQuery(where: SQL | undefined) {
  return db
    .select({
      currency: campaigns.currency,
      campaigns: sql<number>`count(*)::int`,
      plannedCents: sumOf(campaigns.budgetPlannedCents),
      committedCents: sumOf(campaigns.committedCents),
      spentCents: sumOf(campaigns.spentCents),
    })
    .from(campaigns)
    .where(where)
    .groupBy(campaigns.currency)
    .orderBy(asc(campaigns.currency));
}

/**
 * The same figures per campaign, least remaining first, at most `limit` rows: what a report
 * table lists beside the per-currency totals.
 */
export async function listCampaignBudgets(
  viewer: CurrentUser,
  filters: CampaignFilters,
  limit = 100,
) {
  if (!can(viewer, 'clients.read')) forbidden();
  return campaignBudgetsQuery(campaignListWhere(await visibleCampaigns(viewer), filters), limit);
}

/** The per-campaign budget statement for a WHERE of the campaigns list (the report adds its scope). */
export function campaignBudgetsQuery(where: SQL | undefined, limit: number) {
  return db
    .select({
      id: campaigns.id,
      name: campaigns.name,
      clientId: campaigns.clientId,
      clientName: clients.name,
      ownerName: campaignOwners.name,
      status: campaigns.status,
      currency: campaigns.currency,
      plannedCents: campaigns.budgetPlannedCents,
      committedCents: campaigns.committedCents,
      spentCents: campaigns.spentCents,
    })
    .from(campaigns)
    .innerJoin(clients, eq(clients.id, campaigns.clientId))
    .leftJoin(campaignOwners, eq(campaignOwners.id, campaigns.ownerId))
    .where(where)
    .orderBy(asc(campaigns.remainingCents), desc(campaigns.id))
    .limit(limit);
}

import 'server-only';
import { and, eq, gte, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import { db } from '@/db/client';
import { campaigns, clients, users } from '@/db/schema';
import type { CampaignFilters, CampaignListParams, CampaignSort } from '@/lib/validation/campaigns';
import { escapeLike } from '@/server/sql';

export const campaignOwners = alias(users, 'campaign_owners');
export const campaignCoordinators = alias(users, 'campaign_coordinators');

/** The columns a campaign list row carries. */
export const campaignRowColumns = {
  id: campaigns.id,
  name: campaigns.name,
  clientId: campaigns.clientId,
  clientName: clients.name,
  status: campaigns.status,
  startDate: campaigns.startDate,
  endDate: campaigns.endDate,
  ownerName: campaignOwners.name,
  coordinatorName: campaignCoordinators.name,
  currency: campaigns.currency,
  plannedCents: campaigns.budgetPlannedCents,
  committedCents: campaigns.committedCents,
  spentCents: campaigns.spentCents,
  updatedAt: campaigns.updatedAt,
  version: campaigns.version,
};

const sortColumns: Record<CampaignSort, PgColumn> = {
  name: campaigns.name,
  client: clients.name,
  status: campaigns.status,
  owner: campaignOwners.name,
  startDate: campaigns.startDate,
  endDate: campaigns.endDate,
  planned: campaigns.budgetPlannedCents,
  committed: campaigns.committedCents,
  spent: campaigns.spentCents,
  remaining: campaigns.remainingCents,
  updatedAt: campaigns.updatedAt,
};

/**
 * Campaigns whose name or client's name contains `query`: a union of two id sets, so each part
 * uses its own index (the name trigram index; the client-name one, then campaigns by client).
 */
function matchingCampaignIds(query: string): SQL {
  const pattern = `%${escapeLike(query)}%`;
  return sql`(
    select ${campaigns.id} from ${campaigns} where ${campaigns.name} ilike ${pattern}
    union select ${campaigns.id} from ${campaigns} where ${campaigns.clientId} in (
      select ${clients.id} from ${clients} where ${clients.name} ilike ${pattern}
    )
  )`;
}

/** The WHERE of the campaigns list, its totals and the budget report: visibility, then filters. */
export function campaignListWhere(visibility: SQL | undefined, filters: CampaignFilters) {
  const conditions: (SQL | undefined)[] = [visibility];
  if (filters.status) conditions.push(eq(campaigns.status, filters.status));
  if (filters.owner) conditions.push(eq(campaigns.ownerId, filters.owner));
  if (filters.client) conditions.push(eq(campaigns.clientId, filters.client));
  // Running on some day of the range: it ends on or after `from` and starts on or before `to`.
  if (filters.from) {
    conditions.push(or(isNull(campaigns.endDate), gte(campaigns.endDate, filters.from)));
  }
  if (filters.to) {
    conditions.push(or(isNull(campaigns.startDate), lte(campaigns.startDate, filters.to)));
  }
  if (filters.over) conditions.push(lt(campaigns.remainingCents, 0));
  if (filters.q) conditions.push(sql`${campaigns.id} in ${matchingCampaignIds(filters.q)}`);
  return and(...conditions);
}

/**
 * The list's order: PostgreSQL's own null order (last going up, first going down), so each sort
 * walks its (column, id) index and a first page reads 25 campaigns, not all of them.
 */
function campaignOrder(params: Pick<CampaignListParams, 'sort' | 'dir'>) {
  const column = sortColumns[params.sort];
  return params.dir === 'desc'
    ? sql`${column} desc, ${campaigns.id} desc`
    : sql`${column} asc, ${campaigns.id} asc`;
}

/** The campaigns list query, ready for a page (limit/offset). */
export function campaignListQuery(
  where: SQL | undefined,
  params: Pick<CampaignListParams, 'sort' | 'dir'>,
) {
  return db
    .select(campaignRowColumns)
    .from(campaigns)
    .innerJoin(clients, eq(clients.id, campaigns.clientId))
    .leftJoin(campaignOwners, eq(campaignOwners.id, campaigns.ownerId))
    .leftJoin(campaignCoordinators, eq(campaignCoordinators.id, campaigns.coordinatorId))
    .where(where)
    .orderBy(campaignOrder(params));
}

/** The same campaigns with an export's columns, computed in SQL from the same joins. */
export function campaignExportQuery(
  where: SQL | undefined,
  params: Pick<CampaignListParams, 'sort' | 'dir'>,
  columns: Record<string, SQL>,
) {
  return db
    .select(columns)
    .from(campaigns)
    .innerJoin(clients, eq(clients.id, campaigns.clientId))
    .leftJoin(campaignOwners, eq(campaignOwners.id, campaigns.ownerId))
    .leftJoin(campaignCoordinators, eq(campaignCoordinators.id, campaigns.coordinatorId))
    .where(where)
    .orderBy(campaignOrder(params));
}

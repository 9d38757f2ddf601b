import 'server-only';
import { and, eq, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import { db } from '@/db/client';
import { clients, deals, users } from '@/db/schema';
import type { DealFilters, DealListParams, DealSort } from '@/lib/validation/deals';
import { escapeLike } from '@/server/sql';

export const dealOwners = alias(users, 'deal_owners');
export const dealCoordinators = alias(users, 'deal_coordinators');

/** Amount × probability in minor units, rounded like lib/deals weightedAmount. */
export const weightedCents = sql<number>`round(${deals.amountCents} * ${deals.probability} / 100.0)::bigint`;

/** The columns a deal list row carries. */
export const dealRowColumns = {
  id: deals.id,
  name: deals.name,
  clientId: deals.clientId,
  clientName: clients.name,
  stage: deals.stage,
  amountCents: deals.amountCents,
  currency: deals.currency,
  probability: deals.probability,
  weightedCents: weightedCents.mapWith(Number),
  expectedClose: deals.expectedClose,
  ownerId: deals.ownerId,
  ownerName: dealOwners.name,
  coordinatorId: deals.coordinatorId,
  coordinatorName: dealCoordinators.name,
  updatedAt: deals.updatedAt,
  version: deals.version,
};

const sortColumns: Record<DealSort, PgColumn | SQL> = {
  name: deals.name,
  client: clients.name,
  stage: deals.stage,
  amount: deals.amountCents,
  probability: deals.probability,
  weighted: sql`(${deals.amountCents} * ${deals.probability})`,
  expectedClose: deals.expectedClose,
  owner: dealOwners.name,
  coordinator: dealCoordinators.name,
  updatedAt: deals.updatedAt,
};

/** ORDER BY for the list: the column, then id, so pages never repeat or skip a row. */
function dealOrder(sort: DealSort, dir: 'asc' | 'desc'): SQL {
  const column = sortColumns[sort];
  return dir === 'desc'
    ? sql`${column} desc, ${deals.id} desc`
    : sql`${column} asc, ${deals.id} asc`;
}

/**
 * Deals whose name or client's name contains `query`: a union of two id sets, so each part uses
 * its own index (the deal-name trigram index; the client-name one, then deals by client).
 */
function matchingDealIds(query: string): SQL {
  const pattern = `%${escapeLike(query)}%`;
  return sql`(
    select ${deals.id} from ${deals} where ${deals.name} ilike ${pattern}
    union select ${deals.id} from ${deals} where ${deals.clientId} in (
      select ${clients.id} from ${clients} where ${clients.name} ilike ${pattern}
    )
  )`;
}

/** The WHERE of the pipeline (table and board): the viewer's visibility, then the URL's filters. */
export function dealListWhere(
  visibility: SQL | undefined,
  filters: DealFilters,
  { withStages = true } = {},
): SQL | undefined {
  const conditions: (SQL | undefined)[] = [visibility];
  if (filters.owner) conditions.push(eq(deals.ownerId, filters.owner));
  if (filters.coordinator) conditions.push(eq(deals.coordinatorId, filters.coordinator));
  if (filters.client) conditions.push(eq(deals.clientId, filters.client));
  if (withStages && filters.stage?.length) conditions.push(inArray(deals.stage, filters.stage));
  if (filters.closeFrom) conditions.push(gte(deals.expectedClose, filters.closeFrom));
  if (filters.closeTo) conditions.push(lte(deals.expectedClose, filters.closeTo));
  if (filters.closedFrom) conditions.push(gte(deals.closedAt, new Date(filters.closedFrom)));
  if (filters.closedTo) conditions.push(lt(deals.closedAt, new Date(filters.closedTo)));
  if (filters.q) conditions.push(sql`${deals.id} in ${matchingDealIds(filters.q)}`);
  return and(...conditions);
}

/** The deal list query, ready for a page (limit/offset) or a streamed export. */
export function dealListQuery(
  where: SQL | undefined,
  params: Pick<DealListParams, 'sort' | 'dir'>,
) {
  return db
    .select(dealRowColumns)
    .from(deals)
    .innerJoin(clients, eq(clients.id, deals.clientId))
    .leftJoin(dealOwners, eq(dealOwners.id, deals.ownerId))
    .leftJoin(dealCoordinators, eq(dealCoordinators.id, deals.coordinatorId))
    .where(where)
    .orderBy(dealOrder(params.sort, params.dir));
}

/** The same query with an export's columns, computed in SQL from the same joins. */
export function dealExportQuery(
  where: SQL | undefined,
  params: Pick<DealListParams, 'sort' | 'dir'>,
  columns: Record<string, SQL>,
) {
  return db
    .select(columns)
    .from(deals)
    .innerJoin(clients, eq(clients.id, deals.clientId))
    .leftJoin(dealOwners, eq(dealOwners.id, deals.ownerId))
    .leftJoin(dealCoordinators, eq(dealCoordinators.id, deals.coordinatorId))
    .where(where)
    .orderBy(dealOrder(params.sort, params.dir));
}

import 'server-only';
import { and, asc, desc, eq, getTableColumns, gte, inArray, sql, type SQL } from 'drizzle-orm';
import { forbidden, notFound } from 'next/navigation';
import { db } from '@/db/client';
import { clients, dealStageChanges, deals, proposals, users } from '@/db/schema';
import {
  closedDealStages,
  dealStageLabels,
  dealStages,
  openDealStages,
  recentlyClosedDays,
  type DealStage,
} from '@/lib/deals';
import type { DealFilters, DealListParams } from '@/lib/validation/deals';
import { can } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';
import { clientPickerColumns, type ClientChoice } from '@/server/clients/queries';
import { visibleClients } from '@/server/clients/visibility';
import { proposalPanelColumns } from '@/server/proposals/queries';
import { copyCsv, csvDateTime, csvLabel, csvMoney, csvText } from '@/server/csv';
import { cappedCount } from '@/server/sql';
import {
  dealCoordinators,
  dealExportQuery,
  dealListQuery,
  dealListWhere,
  dealOwners,
  weightedCents,
} from './list-query';
import { reuseWhileUnchanged } from '@/server/reuse';
import { visibleDeals } from './visibility';

/** Cards a board column shows; the table has the rest. */
const boardColumnSize = 20;

// Deals are read by everyone who reads the client database (DESIGN.md §1).
function assertCanRead(viewer: CurrentUser) {
  if (!can(viewer, 'clients.read')) forbidden();
}

const closedSince = sql`now() - make_interval(days => ${recentlyClosedDays})`;

/** A page of the pipeline table, with a capped total. */
export async function listDeals(viewer: CurrentUser, params: DealListParams) {
  assertCanRead(viewer);
  const where = dealListWhere(await visibleDeals(viewer), params);
  const [rows, counted] = await Promise.all([
    dealListQuery(where, params)
      .limit(params.size)
      .offset((params.page - 1) * params.size),
    cappedCount(deals, where),
  ]);
  return { rows, ...counted };
}

export type DealListRow = Awaited<ReturnType<typeof listDeals>>['rows'][number];

/** The deals export's header and columns; timestamps are in `timeZone`, which the header names. */
function dealCsvColumns(timeZone: string) {
  return {
    header: [
      'Name',
      'Client',
      'Stage',
      'Currency',
      'Amount',
      'Probability',
      'Weighted',
      'Expected close',
      'Owner',
      'Coordinator',
      `Updated (${timeZone})`,
    ],
    columns: {
      name: csvText(deals.name),
      clientName: csvText(clients.name),
      stage: csvLabel(deals.stage, dealStageLabels),
      currency: csvText(deals.currency),
      amount: csvMoney(deals.amountCents),
      probability: csvText(deals.probability),
      weighted: csvMoney(weightedCents),
      expectedClose: csvText(deals.expectedClose),
      ownerName: csvText(dealOwners.name),
      coordinatorName: csvText(dealCoordinators.name),
      updatedAt: csvDateTime(deals.updatedAt, timeZone),
    },
  };
}

/** Every deal matching the table's filters and search, in its order, as a CSV body in the viewer's time zone. */
export async function dealsCsv(
  viewer: CurrentUser,
  params: Omit<DealListParams, 'page' | 'size'>,
  /** Only these deals (the rows ticked on a page), still within the filter and visibility. */
  ids?: string[],
) {
  assertCanRead(viewer);
  const where = and(
    dealListWhere(await visibleDeals(viewer), params),
    ids ? inArray(deals.id, ids) : undefined,
  );
  const { header, columns } = dealCsvColumns(viewer.timeZone);
  return copyCsv(header, dealExportQuery(where, params, columns));
}

export type StageTotal = {
  stage: DealStage;
  currency: string;
  count: number;
  amountCents: number;
  weightedCents: number;
};

function stageTotalsWhere(where: SQL | undefined) {
  return db
    .select({
      stage: deals.stage,
      currency: deals.currency,
      count: sql<number>`count(*)::int`,
      amountCents: sql<number>`coalesce(sum(${deals.amountCents}), 0)::bigint`.mapWith(Number),
      weightedCents: sql<number>`coalesce(sum(${weightedCents}), 0)::bigint`.mapWith(Number),
    })
    .from(deals)
    .where(where)
    .groupBy(deals.stage, deals.currency)
    .orderBy(deals.stage, deals.currency);
}

/**
 * Open deals, and closed ones only while recent: two queries rather than one OR, so each reads
 * the stage/amount index (an OR across them makes PostgreSQL scan the table).
 */
async function stageTotals(where: SQL | undefined): Promise<StageTotal[]> {
  const [open, closed] = await Promise.all([
    stageTotalsWhere(and(where, inArray(deals.stage, [...openDealStages]))),
    stageTotalsWhere(
      and(where, inArray(deals.stage, [...closedDealStages]), gte(deals.closedAt, closedSince)),
    ),
  ]);
  return [...open, ...closed];
}

/**
 * Count, amount and weighted forecast per stage (and currency: amounts in different currencies
 * are never added up) for the pipeline's filters; won and lost count only recent closings.
 */
export async function getStageTotals(viewer: CurrentUser, filters: DealFilters) {
  assertCanRead(viewer);
  return reusedStageTotals(viewer, filters);
}

// Summing 120,000 open deals costs tens of milliseconds on every table and board view, so totals
// are reused for up to a minute while no deal or account has been written since.
const reuseTotals = reuseWhileUnchanged<StageTotal[]>({ maxAgeMs: 60_000, limit: 500 });

/** Moves on with every insert or update of a deal, or of an account (visibility follows it). */
async function totalsMarker() {
  const [row] = await db.execute<{ marker: string }>(sql`
    select concat_ws('/', (select max(updated_at) from ${deals}), (select max(updated_at) from ${clients})) as marker
  `);
  return row?.marker ?? '';
}

async function reusedStageTotals(viewer: CurrentUser, filters: DealFilters) {
  const visibility = await visibleDeals(viewer);
  const key = `${visibility ? viewer.id : 'everything'}:${JSON.stringify(filters)}`;
  return reuseTotals(key, await totalsMarker(), () =>
    stageTotals(dealListWhere(visibility, filters, { withStages: false })),
  );
}

const boardCardColumns = {
  id: deals.id,
  name: deals.name,
  stage: deals.stage,
  version: deals.version,
  clientId: deals.clientId,
  clientName: clients.name,
  amountCents: deals.amountCents,
  currency: deals.currency,
  probability: deals.probability,
  expectedClose: deals.expectedClose,
  ownerName: dealOwners.name,
};

/**
 * The first cards of one column: open stages by expected close (the stage/close index, read in
 * order), won and lost by most recent closing (the closed-at index).
 */
function boardCards(where: SQL | undefined, stage: DealStage, limit: number) {
  const closed = (closedDealStages as readonly DealStage[]).includes(stage);
  return db
    .select(boardCardColumns)
    .from(deals)
    .innerJoin(clients, eq(clients.id, deals.clientId))
    .leftJoin(dealOwners, eq(dealOwners.id, deals.ownerId))
    .where(
      and(where, eq(deals.stage, stage), closed ? gte(deals.closedAt, closedSince) : undefined),
    )
    .orderBy(
      ...(closed
        ? [desc(deals.closedAt), desc(deals.id)]
        : [asc(deals.expectedClose), asc(deals.id)]),
    )
    .limit(limit);
}

/** The board: every stage with its totals and its first cards, for the pipeline's filters. */
export async function getBoard(viewer: CurrentUser, filters: DealFilters) {
  assertCanRead(viewer);
  const where = dealListWhere(await visibleDeals(viewer), filters, { withStages: false });
  const [totals, ...cards] = await Promise.all([
    reusedStageTotals(viewer, filters),
    ...dealStages.map((stage) => boardCards(where, stage, boardColumnSize)),
  ]);
  return dealStages.map((stage, index) => ({
    stage,
    totals: totals.filter((total) => total.stage === stage),
    cards: cards[index] ?? [],
  }));
}

export type BoardColumn = Awaited<ReturnType<typeof getBoard>>[number];
export type BoardCard = BoardColumn['cards'][number];

/** One deal the viewer may see, with its stage history and proposals; "not found" otherwise. */
export async function getDeal(viewer: CurrentUser, dealId: string) {
  assertCanRead(viewer);
  const [deal] = await db
    .select({
      ...getTableColumns(deals),
      clientName: clients.name,
      ownerName: dealOwners.name,
      coordinatorName: dealCoordinators.name,
    })
    .from(deals)
    .innerJoin(clients, eq(clients.id, deals.clientId))
    .leftJoin(dealOwners, eq(dealOwners.id, deals.ownerId))
    .leftJoin(dealCoordinators, eq(dealCoordinators.id, deals.coordinatorId))
    .where(and(eq(deals.id, dealId), await visibleDeals(viewer)))
    .limit(1);
  if (!deal) notFound();
  const [history, dealProposals] = await Promise.all([
    db
      .select({
        id: dealStageChanges.id,
        fromStage: dealStageChanges.fromStage,
        toStage: dealStageChanges.toStage,
        changedAt: dealStageChanges.changedAt,
        actorName: users.name,
      })
      .from(dealStageChanges)
      .leftJoin(users, eq(users.id, dealStageChanges.actorId))
      .where(eq(dealStageChanges.dealId, dealId))
      .orderBy(desc(dealStageChanges.changedAt), desc(dealStageChanges.id)),
    db
      .select(proposalPanelColumns)
      .from(proposals)
      .where(eq(proposals.dealId, dealId))
      .orderBy(desc(proposals.createdAt)),
  ]);
  return { deal, history, proposals: dealProposals };
}

export type DealDetail = Awaited<ReturnType<typeof getDeal>>;

/** The deals of one client, newest first, for the client page. */
export async function listClientDeals(viewer: CurrentUser, clientId: string) {
  assertCanRead(viewer);
  return db
    .select({
      id: deals.id,
      name: deals.name,
      stage: deals.stage,
      amountCents: deals.amountCents,
      currency: deals.currency,
      probability: deals.probability,
      expectedClose: deals.expectedClose,
    })
    .from(deals)
    .where(and(eq(deals.clientId, clientId), await visibleDeals(viewer)))
    .orderBy(desc(deals.createdAt), desc(deals.id))
    .limit(100);
}

export type ClientDealRow = Awaited<ReturnType<typeof listClientDeals>>[number];

/** One client the viewer may see, to open the new-deal form on; null otherwise. */
export async function getDealClient(
  viewer: CurrentUser,
  clientId: string,
): Promise<ClientChoice | null> {
  assertCanRead(viewer);
  const [client] = await db
    .select(clientPickerColumns)
    .from(clients)
    .where(and(eq(clients.id, clientId), await visibleClients(viewer)))
    .limit(1);
  return client ?? null;
}

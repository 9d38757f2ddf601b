import 'server-only';
import { and, count, eq, gte, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { SelectedFields } from 'drizzle-orm/pg-core';
import { forbidden } from 'next/navigation';
import { db } from '@/db/client';
import { reuseWhileUnchanged } from '@/server/reuse';
import { clients, deals, proposalReviews, proposals } from '@/db/schema';
import { openDealStages } from '@/lib/deals';
import type { DashboardScope, OpenDealStage, PipelineDashboard } from '@/lib/reports';
import { can } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';
import { visibleClients } from '@/server/clients/visibility';
import { getRecordVisibility } from '@/server/settings/queries';

/** How far back win rate and review turnaround look. */
const dashboardWindowDays = 90;

/** The widest dashboard the viewer may see: the whole team, their own book, or their own numbers. */
export function dashboardScope(viewer: CurrentUser): DashboardScope {
  if (can(viewer, 'reports.team')) return 'team';
  if (can(viewer, 'reports.book')) return 'book';
  if (can(viewer, 'reports.own')) return 'own';
  forbidden();
}

/** A book's deals are the ones its executive owns; a coordinator's, the ones they coordinate. */
function dealsInScope(scope: DashboardScope, viewer: CurrentUser): SQL | undefined {
  if (scope === 'book') return eq(deals.ownerId, viewer.id);
  if (scope === 'own') return eq(deals.coordinatorId, viewer.id);
  return undefined;
}

/**
 * A book's proposals are those on accounts the executive owns or sent to them for review. Tested
 * per proposal (the owner's clients are one walk of clients_owner_idx): joining clients to test
 * their owner scanned all of them.
 */
function proposalsInScope(scope: DashboardScope, viewer: CurrentUser): SQL | undefined {
  if (scope === 'book')
    return or(
      eq(proposals.reviewerId, viewer.id),
      inArray(
        proposals.clientId,
        db.select({ id: clients.id }).from(clients).where(eq(clients.ownerId, viewer.id)),
      ),
    );
  if (scope === 'own') return eq(proposals.authorId, viewer.id);
  return undefined;
}

const windowStart = sql`now() - make_interval(days => ${dashboardWindowDays})`;

/** The four queries behind the dashboard, unexecuted, so the benchmark can EXPLAIN them too. */
export async function pipelineDashboardQueries(viewer: CurrentUser) {
  const scope = dashboardScope(viewer);
  const visibility = await visibleClients(viewer);
  const dealScope = dealsInScope(scope, viewer);
  const proposalScope = proposalsInScope(scope, viewer);
  const quarterStart = sql`date_trunc('quarter', now() at time zone ${viewer.timeZone}) at time zone ${viewer.timeZone}`;

  // Clients are joined only when a condition needs them.
  const dealsFrom = <T extends SelectedFields>(columns: T) => {
    const query = db.select(columns).from(deals).$dynamic();
    return visibility ? query.innerJoin(clients, eq(clients.id, deals.clientId)) : query;
  };
  const proposalsNeedClients = Boolean(visibility);
  const proposalsFrom = <T extends SelectedFields>(columns: T) => {
    const query = db.select(columns).from(proposals).$dynamic();
    return proposalsNeedClients
      ? query.innerJoin(clients, eq(clients.id, proposals.clientId))
      : query;
  };

  // Reviews are joined to their proposals (and those to clients) only when a condition needs them.
  const reviewTurnaround = () => {
    const columns = {
      decided: count(),
      averageHours: sql<
        number | null
      >`extract(epoch from avg(${proposalReviews.createdAt} - ${proposalReviews.submittedAt})) / 3600`.mapWith(
        (value: string | null) => (value === null ? null : Number(value)),
      ),
    };
    const where = and(gte(proposalReviews.createdAt, windowStart), proposalScope, visibility);
    const reviews = db.select(columns).from(proposalReviews);
    if (!proposalsNeedClients && !proposalScope) return reviews.where(where);
    const withProposals = reviews.innerJoin(
      proposals,
      eq(proposals.id, proposalReviews.proposalId),
    );
    return proposalsNeedClients
      ? withProposals.innerJoin(clients, eq(clients.id, proposals.clientId)).where(where)
      : withProposals.where(where);
  };

  return {
    scope,
    stages: dealsFrom({
      stage: sql<OpenDealStage>`${deals.stage}`,
      currency: deals.currency,
      count: count(),
      valueCents: sql<number>`sum(${deals.amountCents})`.mapWith(Number),
      weightedCents:
        sql<number>`round(sum(${deals.amountCents} * ${deals.probability}) / 100.0)`.mapWith(
          Number,
        ),
    })
      .where(and(inArray(deals.stage, [...openDealStages]), dealScope, visibility))
      .groupBy(deals.stage, deals.currency)
      .orderBy(deals.stage, deals.currency),
    // One pass over the deals closed since the earlier of the two windows.
    closed: dealsFrom({
      currency: deals.currency,
      won: sql<number>`count(*) filter (where ${deals.stage} = 'won' and ${deals.closedAt} >= ${windowStart})`.mapWith(
        Number,
      ),
      lost: sql<number>`count(*) filter (where ${deals.stage} = 'lost' and ${deals.closedAt} >= ${windowStart})`.mapWith(
        Number,
      ),
      wonThisQuarter:
        sql<number>`count(*) filter (where ${deals.stage} = 'won' and ${deals.closedAt} >= ${quarterStart})`.mapWith(
          Number,
        ),
      wonThisQuarterCents:
        sql<number>`coalesce(sum(${deals.amountCents}) filter (where ${deals.stage} = 'won' and ${deals.closedAt} >= ${quarterStart}), 0)`.mapWith(
          Number,
        ),
    })
      .where(
        and(
          gte(deals.closedAt, sql`least(${windowStart}, ${quarterStart})`),
          inArray(deals.stage, ['won', 'lost']),
          dealScope,
          visibility,
        ),
      )
      .groupBy(deals.currency)
      .orderBy(deals.currency),
    waiting: proposalsFrom({ n: count() }).where(
      and(eq(proposals.status, 'in_review'), proposalScope, visibility),
    ),
    turnaround: reviewTurnaround(),
  };
}

/**
 * The pipeline dashboard for the viewer's scope, within the accounts they may see, computed now:
 * open pipeline value and weighted forecast per stage and currency, proposals waiting for review
 * with the average review turnaround and the win rate over the last 90 days, and the value won
 * this quarter (in the viewer's time zone).
 */
export async function computePipelineDashboard(viewer: CurrentUser): Promise<PipelineDashboard> {
  const queries = await pipelineDashboardQueries(viewer);
  const [stages, closed, [waiting], [turnaround]] = await Promise.all([
    queries.stages,
    queries.closed,
    queries.waiting,
    queries.turnaround,
  ]);

  const won = closed.reduce((sum, row) => sum + row.won, 0);
  const lost = closed.reduce((sum, row) => sum + row.lost, 0);
  return {
    scope: queries.scope,
    stages: stages.map((row) => ({ ...row, currency: row.currency.trim() })),
    review: {
      waiting: waiting?.n ?? 0,
      decided: turnaround?.decided ?? 0,
      averageTurnaroundHours: turnaround?.averageHours ?? null,
    },
    winRate: { won, lost, rate: won + lost === 0 ? null : won / (won + lost) },
    wonThisQuarter: closed
      .filter((row) => row.wonThisQuarter > 0)
      .map((row) => ({
        currency: row.currency.trim(),
        count: row.wonThisQuarter,
        valueCents: row.wonThisQuarterCents,
      })),
    windowDays: dashboardWindowDays,
  };
}

// Summing every open deal (120,000 on the large seed) costs tens of milliseconds whatever the
// index, and the home page asks for it on every visit. So a computed dashboard is reused for up to
// a minute, and only while no deal, proposal, review or account has been written since.
const reuseDashboard = reuseWhileUnchanged<PipelineDashboard>({ maxAgeMs: 60_000, limit: 500 });

/** Moves on with every insert or update of what the dashboard counts; four index probes. */
async function changeMarker() {
  const [row] = await db.execute<{ marker: string }>(sql`
    select concat_ws('/', (select max(updated_at) from ${deals}), (select max(updated_at) from ${proposals}),
                          (select max(id) from ${proposalReviews}), (select max(updated_at) from ${clients})) as marker
  `);
  return row?.marker ?? '';
}

/**
 * The viewer's pipeline dashboard (see computePipelineDashboard), reused from an earlier request
 * of the same scope while nothing has changed; requests that arrive together share one computation.
 * A deletion is not noticed until the minute is up.
 */
export async function getPipelineDashboard(viewer: CurrentUser): Promise<PipelineDashboard> {
  const scope = dashboardScope(viewer);
  const key = [
    scope,
    scope === 'team' ? '' : viewer.id,
    await getRecordVisibility(),
    viewer.timeZone,
  ].join(':');
  return reuseDashboard(key, await changeMarker(), () => computePipelineDashboard(viewer));
}

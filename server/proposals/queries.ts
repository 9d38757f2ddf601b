import 'server-only';
import {
  and,
  asc,
  desc,
  eq,
  getTableColumns,
  ilike,
  inArray,
  ne,
  notInArray,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import { forbidden, notFound } from 'next/navigation';
import { db } from '@/db/client';
import {
  clients,
  deals,
  proposalReviews,
  proposals,
  proposalTemplates,
  proposalVersions,
  proposalViews,
  proposalViewTotals,
  users,
} from '@/db/schema';
import type { ProposalListParams, ProposalSort } from '@/lib/validation/proposals';
import { can } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';
import { findVisibleClients } from '@/server/clients/queries';
import { visibleClients } from '@/server/clients/visibility';
import { cappedCount, escapeLike, listOrder, onPage } from '@/server/sql';
import { listPublishedTemplates } from '@/server/templates/queries';
import { listActiveReviewers } from '@/server/users/reviewers';
import { visibleProposals } from './visibility';

const authors = alias(users, 'authors');
const reviewers = alias(users, 'reviewers');

function assertCanRead(viewer: CurrentUser) {
  if (!can(viewer, 'clients.read')) forbidden();
}

const sortColumns: Record<ProposalSort, PgColumn> = {
  title: proposals.title,
  client: clients.name,
  status: proposals.status,
  amount: proposals.amountCents,
  author: authors.name,
  reviewer: reviewers.name,
  validUntil: proposals.validUntil,
  updatedAt: proposals.updatedAt,
};

/** The WHERE of the proposals list: the viewer's visibility, then the URL's filters. */
export function proposalListWhere(
  visibility: SQL | undefined,
  params: Omit<ProposalListParams, 'page' | 'size' | 'sort' | 'dir'>,
) {
  const filters: (SQL | undefined)[] = [visibility];
  if (params.status) filters.push(eq(proposals.status, params.status));
  if (params.author) filters.push(eq(proposals.authorId, params.author));
  if (params.reviewer) filters.push(eq(proposals.reviewerId, params.reviewer));
  if (params.q) {
    const pattern = `%${escapeLike(params.q)}%`;
    filters.push(
      or(
        ilike(proposals.title, pattern),
        inArray(
          proposals.clientId,
          db.select({ id: clients.id }).from(clients).where(ilike(clients.name, pattern)),
        ),
      ),
    );
  }
  return and(...filters);
}

/** The page query of the proposals list for a WHERE built by proposalListWhere. */
export function proposalPageQuery(where: SQL | undefined, params: ProposalListParams) {
  const order = listOrder(sortColumns[params.sort], proposals.id, params.dir);
  let ids = db.select({ id: proposals.id }).from(proposals).$dynamic();
  // Joined only to sort by those names: an unused join keeps PostgreSQL off the index alone.
  if (params.sort === 'client') ids = ids.innerJoin(clients, eq(clients.id, proposals.clientId));
  if (params.sort === 'author') ids = ids.leftJoin(authors, eq(authors.id, proposals.authorId));
  if (params.sort === 'reviewer') {
    ids = ids.leftJoin(reviewers, eq(reviewers.id, proposals.reviewerId));
  }
  return db
    .select({
      id: proposals.id,
      title: proposals.title,
      status: proposals.status,
      clientId: proposals.clientId,
      clientName: clients.name,
      amountCents: proposals.amountCents,
      currency: proposals.currency,
      authorName: authors.name,
      reviewerName: reviewers.name,
      validUntil: proposals.validUntil,
      updatedAt: proposals.updatedAt,
      version: proposals.version,
    })
    .from(proposals)
    .innerJoin(clients, eq(clients.id, proposals.clientId))
    .leftJoin(authors, eq(authors.id, proposals.authorId))
    .leftJoin(reviewers, eq(reviewers.id, proposals.reviewerId))
    .where(onPage(proposals.id, ids.where(where).orderBy(...order), params))
    .orderBy(...order);
}

/** A page of the proposals list with a capped total. */
export async function listProposals(viewer: CurrentUser, params: ProposalListParams) {
  assertCanRead(viewer);
  const where = proposalListWhere(await visibleProposals(viewer), params);
  const [rows, counted] = await Promise.all([
    proposalPageQuery(where, params),
    cappedCount(proposals, where),
  ]);
  return { rows, ...counted };
}

/** A proposal with everything its page shows: "not found" unless the viewer may see its client. */
export async function getProposalPage(viewer: CurrentUser, proposalId: string) {
  assertCanRead(viewer);
  const backupReviewers = alias(users, 'backup_reviewers');
  const [proposal] = await db
    .select({
      ...getTableColumns(proposals),
      clientName: clients.name,
      clientOwnerId: clients.ownerId,
      dealName: deals.name,
      dealStage: deals.stage,
      templateName: proposalTemplates.name,
      authorName: authors.name,
      authorRole: authors.role,
      reviewerName: reviewers.name,
      backupReviewerName: backupReviewers.name,
    })
    .from(proposals)
    .innerJoin(clients, eq(clients.id, proposals.clientId))
    .leftJoin(deals, eq(deals.id, proposals.dealId))
    .leftJoin(proposalTemplates, eq(proposalTemplates.id, proposals.templateId))
    .leftJoin(authors, eq(authors.id, proposals.authorId))
    .leftJoin(reviewers, eq(reviewers.id, proposals.reviewerId))
    .leftJoin(backupReviewers, eq(backupReviewers.id, proposals.backupReviewerId))
    .where(and(eq(proposals.id, proposalId), await visibleProposals(viewer)))
    .limit(1);
  if (!proposal) notFound();
  const [versions, reviews, views, [viewTotals]] = await Promise.all([
    db
      .select({
        number: proposalVersions.number,
        title: proposalVersions.title,
        body: proposalVersions.body,
        amountCents: proposalVersions.amountCents,
        currency: proposalVersions.currency,
        validUntil: proposalVersions.validUntil,
        createdAt: proposalVersions.createdAt,
        createdByName: users.name,
      })
      .from(proposalVersions)
      .leftJoin(users, eq(users.id, proposalVersions.createdById))
      .where(eq(proposalVersions.proposalId, proposalId))
      .orderBy(desc(proposalVersions.number)),
    db
      .select({
        id: proposalReviews.id,
        decision: proposalReviews.decision,
        comment: proposalReviews.comment,
        versionNumber: proposalReviews.versionNumber,
        createdAt: proposalReviews.createdAt,
        reviewerName: users.name,
      })
      .from(proposalReviews)
      .leftJoin(users, eq(users.id, proposalReviews.reviewerId))
      .where(eq(proposalReviews.proposalId, proposalId))
      .orderBy(desc(proposalReviews.createdAt)),
    db
      .select({
        id: proposalViews.id,
        viewedAt: proposalViews.viewedAt,
        userAgent: proposalViews.userAgent,
        ipHash: proposalViews.ipHash,
        realView: proposalViews.realView,
      })
      .from(proposalViews)
      .where(eq(proposalViews.proposalId, proposalId))
      .orderBy(desc(proposalViews.viewedAt))
      .limit(50),
    db
      .select({ requests: proposalViewTotals.requests, views: proposalViewTotals.views })
      .from(proposalViewTotals)
      .where(eq(proposalViewTotals.proposalId, proposalId)),
  ]);
  return {
    proposal,
    versions,
    reviews,
    views,
    viewTotals: viewTotals ?? { requests: 0, views: 0 },
  };
}

export type ProposalPage = Awaited<ReturnType<typeof getProposalPage>>;

/** The queue shows this many at most; more than that is a team problem, not a list to scroll. */
export const reviewQueueLimit = 50;

/**
 * Proposals waiting for the viewer's decision, oldest due first: for a manager every proposal in
 * review that they did not write; for an executive those assigned to them, or escalated to them.
 */
export async function getReviewQueue(viewer: CurrentUser) {
  if (!can(viewer, 'proposals.review')) forbidden();
  const mine =
    viewer.role === 'manager'
      ? undefined
      : or(eq(proposals.reviewerId, viewer.id), eq(proposals.backupReviewerId, viewer.id));
  return db
    .select({
      id: proposals.id,
      title: proposals.title,
      clientName: clients.name,
      authorName: authors.name,
      reviewerName: reviewers.name,
      amountCents: proposals.amountCents,
      currency: proposals.currency,
      submittedAt: proposals.submittedAt,
      reviewDueAt: proposals.reviewDueAt,
      escalatedAt: proposals.escalatedAt,
    })
    .from(proposals)
    .innerJoin(clients, eq(clients.id, proposals.clientId))
    .leftJoin(authors, eq(authors.id, proposals.authorId))
    .leftJoin(reviewers, eq(reviewers.id, proposals.reviewerId))
    .where(
      and(
        eq(proposals.status, 'in_review'),
        mine,
        or(ne(proposals.authorId, viewer.id), sql`${proposals.authorId} is null`),
        await visibleProposals(viewer),
      ),
    )
    .orderBy(asc(proposals.reviewDueAt), asc(proposals.id))
    .limit(reviewQueueLimit);
}

export type ReviewQueueRow = Awaited<ReturnType<typeof getReviewQueue>>[number];

/** What the proposals panel of a client or a deal shows of each proposal. */
export const proposalPanelColumns = {
  id: proposals.id,
  title: proposals.title,
  status: proposals.status,
  amountCents: proposals.amountCents,
  currency: proposals.currency,
};

/** The proposals of one client, newest first, for the client page. */
export async function listClientProposals(viewer: CurrentUser, clientId: string) {
  assertCanRead(viewer);
  return db
    .select(proposalPanelColumns)
    .from(proposals)
    .where(and(eq(proposals.clientId, clientId), await visibleProposals(viewer)))
    .orderBy(desc(proposals.updatedAt))
    .limit(50);
}

/** Who may review proposals: active executives and managers. */
export async function listReviewers(viewer: CurrentUser) {
  assertCanRead(viewer);
  return listActiveReviewers(db);
}

/** What a new proposal can start from: a visible client, its open deals, and published templates. */
export async function getNewProposalOptions(
  viewer: CurrentUser,
  from: { clientId?: string; dealId?: string },
) {
  if (!can(viewer, 'proposals.write')) forbidden();
  const visibility = await visibleClients(viewer);
  let clientId = from.clientId;
  if (from.dealId) {
    const [deal] = await db
      .select({ clientId: deals.clientId })
      .from(deals)
      .where(eq(deals.id, from.dealId))
      .limit(1);
    clientId = deal?.clientId;
  }
  const [client] = clientId
    ? await db
        .select({ id: clients.id, name: clients.name, ownerId: clients.ownerId })
        .from(clients)
        .where(and(eq(clients.id, clientId), visibility))
        .limit(1)
    : [];
  const [clientDeals, templates, reviewers] = await Promise.all([
    client
      ? db
          .select({ id: deals.id, name: deals.name, stage: deals.stage })
          .from(deals)
          .where(and(eq(deals.clientId, client.id), notInArray(deals.stage, ['won', 'lost'])))
          .orderBy(asc(deals.name))
      : [],
    listPublishedTemplates(viewer),
    listReviewers(viewer),
  ]);
  return {
    client: client ?? null,
    deals: clientDeals,
    templates: templates.map(({ id, name, category }) => ({ id, name, category })),
    reviewers,
  };
}

/** Visible clients whose name contains `query`, to pick one for a new proposal. */
export async function findClientsForProposal(viewer: CurrentUser, query: string) {
  if (!can(viewer, 'proposals.write')) forbidden();
  return query.trim() ? findVisibleClients(viewer, query, 20) : [];
}

/** How many proposals waiting on their author the home page lists. */
export const proposalsWaitingLimit = 10;

/**
 * "My work": the viewer's own proposals whose next step is theirs: to revise once a reviewer
 * requested changes, or to send once approved. The review queue is the reviewers' side of it.
 */
export async function listProposalsWaitingOnMe(viewer: CurrentUser) {
  assertCanRead(viewer);
  return db
    .select({
      id: proposals.id,
      title: proposals.title,
      status: proposals.status,
      clientName: clients.name,
      amountCents: proposals.amountCents,
      currency: proposals.currency,
    })
    .from(proposals)
    .innerJoin(clients, eq(clients.id, proposals.clientId))
    .where(
      and(
        eq(proposals.authorId, viewer.id),
        inArray(proposals.status, ['changes_requested', 'approved']),
        await visibleProposals(viewer),
      ),
    )
    .orderBy(desc(proposals.updatedAt), desc(proposals.id))
    .limit(proposalsWaitingLimit);
}

import 'server-only';
import { and, asc, desc, eq, getTableColumns, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import { forbidden, notFound } from 'next/navigation';
import { db } from '@/db/client';
import {
  activities,
  clientCompetitors,
  clients,
  clientTags,
  competitors,
  contacts,
  researchNotes,
  tags,
  users,
} from '@/db/schema';
import { clientListSchema, type ClientListParams } from '@/lib/validation/clients';
import { can } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';
import { clientStatusLabels, clientTierLabels } from '@/lib/clients';
import { copyCsv, csvDateTime, csvLabel, csvMoney, csvText } from '@/server/csv';
import { cappedCount, escapeLike, idAndNameArray, type IdAndName } from '@/server/sql';
import {
  clientExportQuery,
  clientListQuery,
  clientListWhere,
  clientPageQuery,
  coordinators,
  clientMatches,
  matchedPageQuery,
  owners,
  searchWalkLength,
  walkedPageQuery,
} from './list-query';
import { visibleClients } from './visibility';

function assertCanRead(viewer: CurrentUser) {
  if (!can(viewer, 'clients.read')) forbidden();
}

/** A page of the clients list (or of prospects, with `status: 'prospect'`), with a capped total. */
export async function listClients(viewer: CurrentUser, params: ClientListParams) {
  assertCanRead(viewer);
  const visibility = await visibleClients(viewer);
  if (params.q) {
    return searchClients(
      clientListWhere(visibility, { ...params, q: undefined }),
      params.q,
      params,
    );
  }
  const where = clientListWhere(visibility, params);
  const [rows, counted] = await Promise.all([
    clientPageQuery(where, params),
    cappedCount(clients, where),
  ]);
  return { rows, ...counted };
}

/**
 * A page of a search within `filters`: a broad term's page is found by walking the sort's index
 * (its total then says only that more follow: "51+"), a rare term's by gathering its few matches,
 * counted exactly; both give the rows and order the one query of every match would.
 */
async function searchClients(filters: SQL | undefined, query: string, params: ClientListParams) {
  const match = clientMatches(query);
  const found = await searchedPage(filters, match, params);
  if (found.walked) {
    return {
      rows: await clientRows(found.ids, params),
      total: params.page * params.size + 1,
      totalIsCapped: true,
    };
  }
  if (found.ids.length === 0) {
    // Past the last page the window has no row to carry the count on.
    return { rows: [], ...(await cappedCount(clients, and(filters, match))) };
  }
  return { rows: await clientRows(found.ids, params), total: found.total, totalIsCapped: false };
}

/**
 * The ids of the page of clients within `filters` that `match`, walked (more follow) or gathered
 * (with how many match in all).
 */
async function searchedPage(
  filters: SQL | undefined,
  match: SQL,
  params: ClientListParams,
): Promise<{ ids: { id: string }[]; walked: boolean; total: number }> {
  const where = and(filters, match);
  const walkLength = await searchWalkLength(where);
  if (walkLength > 0) {
    const walked = await db.execute<{ id: string }>(
      walkedPageQuery(filters, match, params, walkLength),
    );
    if (walked.length > params.size) {
      return { ids: walked.slice(0, params.size), walked: true, total: 0 };
    }
  }
  const page = await db.execute<{ id: string; total: number }>(matchedPageQuery(where, params));
  return { ids: page, walked: false, total: page[0]?.total ?? 0 };
}

/**
 * The first `limit` clients by name that the clients list's search for `query` finds (by name,
 * website or a contact's name or e-mail), for the search palette: the list's own walk or
 * gathering, so a broad term reads the name index alone and stops at the last one shown.
 */
export async function firstClientsFound(viewer: CurrentUser, query: string, limit: number) {
  assertCanRead(viewer);
  const params = { ...clientListSchema.parse({}), size: limit };
  const found = await searchedPage(await visibleClients(viewer), clientMatches(query), params);
  return found.ids.length === 0 ? [] : clientRows(found.ids, params);
}

/** The list rows of a page's ids, in the list's order. */
function clientRows(page: { id: string }[], params: ClientListParams) {
  return clientListQuery(
    inArray(
      clients.id,
      page.map((row) => row.id),
    ),
    params,
  );
}

export type ClientListRow = Awaited<ReturnType<typeof listClients>>['rows'][number];

/** The clients export's header and columns; timestamps are in `timeZone`, which the header names. */
function clientCsvColumns(timeZone: string) {
  return {
    header: [
      'Name',
      'Status',
      'Industry',
      'Tier',
      'Website',
      'Owner',
      'Coordinator',
      'Currency',
      'Annual value',
      `Last activity (${timeZone})`,
      `Updated (${timeZone})`,
      'Fit score',
      'Source',
      'Next step',
      'Next-step date',
    ],
    columns: {
      name: csvText(clients.name),
      status: csvLabel(clients.status, clientStatusLabels),
      industry: csvText(clients.industry),
      tier: csvLabel(clients.tier, clientTierLabels),
      website: csvText(clients.website),
      ownerName: csvText(owners.name),
      coordinatorName: csvText(coordinators.name),
      currency: csvText(clients.currency),
      annualValue: csvMoney(clients.annualValueCents),
      lastActivityAt: csvDateTime(clients.lastActivityAt, timeZone),
      updatedAt: csvDateTime(clients.updatedAt, timeZone),
      fitScore: csvText(clients.fitScore),
      source: csvText(clients.source),
      nextStep: csvText(clients.nextStep),
      nextStepDate: csvText(clients.nextStepDate),
    },
  };
}

/**
 * Every client matching the list's filters and search, in its order, as a CSV body in the
 * viewer's time zone.
 */
export async function clientsCsv(
  viewer: CurrentUser,
  params: Omit<ClientListParams, 'page' | 'size'>,
  /** Only these clients (the rows ticked on a page), still within the filter and visibility. */
  ids?: string[],
) {
  assertCanRead(viewer);
  const where = and(
    clientListWhere(await visibleClients(viewer), params),
    ids ? inArray(clients.id, ids) : undefined,
  );
  const { header, columns } = clientCsvColumns(viewer.timeZone);
  return copyCsv(header, clientExportQuery(where, params, columns));
}

/** One client the viewer may see, with owner, coordinator and tags; "not found" otherwise. */
export async function getClient(viewer: CurrentUser, clientId: string) {
  assertCanRead(viewer);
  const {
    contactText: _contactText,
    searchText: _searchText,
    ...clientColumns
  } = getTableColumns(clients);
  const [client] = await db
    .select({
      ...clientColumns,
      ownerName: owners.name,
      coordinatorName: coordinators.name,
      // In the same statement: one round trip instead of two on every client page.
      tags: sql<IdAndName[]>`(
        select ${idAndNameArray(tags.id, tags.name)}
        from ${clientTags} join ${tags} on ${tags.id} = ${clientTags.tagId}
        where ${clientTags.clientId} = ${clients.id}
      )`,
    })
    .from(clients)
    .leftJoin(owners, eq(owners.id, clients.ownerId))
    .leftJoin(coordinators, eq(coordinators.id, clients.coordinatorId))
    .where(and(eq(clients.id, clientId), await visibleClients(viewer)))
    .limit(1);
  if (!client) notFound();
  return client;
}

/** A client with what hangs off it, for its page: "not found" unless the viewer may see it. */
export async function getClientWithRecords(viewer: CurrentUser, clientId: string) {
  const client = await getClient(viewer, clientId);
  const [contactRows, activityRows, researchRows, competitorRows] = await Promise.all([
    db
      .select()
      .from(contacts)
      .where(eq(contacts.clientId, clientId))
      .orderBy(desc(contacts.isPrimary), asc(contacts.name)),
    db
      .select({
        id: activities.id,
        kind: activities.kind,
        subject: activities.subject,
        body: activities.body,
        occurredAt: activities.occurredAt,
        actorName: users.name,
      })
      .from(activities)
      .leftJoin(users, eq(users.id, activities.actorId))
      .where(eq(activities.clientId, clientId))
      // The client index's null order, so the newest 50 are read off it rather than sorted.
      .orderBy(sql`${activities.occurredAt} desc nulls last, ${activities.id} desc nulls last`)
      .limit(50),
    db
      .select({
        id: researchNotes.id,
        topic: researchNotes.topic,
        sourceUrl: researchNotes.sourceUrl,
        summary: researchNotes.summary,
        createdAt: researchNotes.createdAt,
        authorId: researchNotes.authorId,
        authorName: users.name,
      })
      .from(researchNotes)
      .leftJoin(users, eq(users.id, researchNotes.authorId))
      .where(eq(researchNotes.clientId, clientId))
      .orderBy(desc(researchNotes.createdAt)),
    db
      .select({ id: competitors.id, name: competitors.name, website: competitors.website })
      .from(clientCompetitors)
      .innerJoin(competitors, eq(competitors.id, clientCompetitors.competitorId))
      .where(eq(clientCompetitors.clientId, clientId))
      .orderBy(asc(competitors.name)),
  ]);
  return {
    client,
    contacts: contactRows,
    activities: activityRows,
    research: researchRows,
    competitors: competitorRows,
  };
}

// Who can own or coordinate an account: every active user.
const isAssignable = eq(users.active, true);

/** People who can own or coordinate accounts, for pickers and filters. */
export async function listAssignableUsers(viewer: CurrentUser) {
  assertCanRead(viewer);
  return db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(isAssignable)
    .orderBy(asc(users.name));
}

/** Those work can be assigned to, by id and name alone: a list layout's people choices. */
export async function listAssignablePeople(viewer: CurrentUser): Promise<IdAndName[]> {
  return (await listAssignableUsers(viewer)).map(({ id, name }) => ({ id, name }));
}

/** The choices of the clients list's owner, coordinator and tag filters, in one round trip. */
export async function listClientFilterOptions(
  viewer: CurrentUser,
): Promise<{ users: IdAndName[]; tags: IdAndName[] }> {
  assertCanRead(viewer);
  const [row] = await db.execute<{ users: IdAndName[]; tags: IdAndName[] }>(sql`select
    (select ${idAndNameArray(users.id, users.name)} from ${users} where ${isAssignable}) as users,
    (select ${idAndNameArray(tags.id, tags.name)} from ${tags}) as tags`);
  return row ?? { users: [], tags: [] };
}

/** What a picker of a client shows of each one. */
export const clientPickerColumns = {
  id: clients.id,
  name: clients.name,
  status: clients.status,
  currency: clients.currency,
};

/** Clients the viewer may see whose name contains `query`, by name: for pickers of a client. */
export async function findVisibleClients(viewer: CurrentUser, query: string, limit: number) {
  assertCanRead(viewer);
  return db
    .select(clientPickerColumns)
    .from(clients)
    .where(and(ilike(clients.name, `%${escapeLike(query.trim())}%`), await visibleClients(viewer)))
    .orderBy(asc(clients.name), asc(clients.id))
    .limit(limit);
}

export type ClientChoice = Awaited<ReturnType<typeof findVisibleClients>>[number];

/** A client's id and name when the viewer sees it: a list's or report's client filter, a form's client. */
export async function findVisibleClient(viewer: CurrentUser, clientId: string) {
  assertCanRead(viewer);
  const [client] = await db
    .select({ id: clients.id, name: clients.name })
    .from(clients)
    .where(and(eq(clients.id, clientId), await visibleClients(viewer)))
    .limit(1);
  return client ?? null;
}

import 'server-only';
import { and, asc, desc, eq, gte, ilike, inArray, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import { forbidden, notFound } from 'next/navigation';
import { db } from '@/db/client';
import { clients, contacts, feedback, meetings, users } from '@/db/schema';
import type { FeedbackListParams, FeedbackSort } from '@/lib/validation/feedback';
import { can } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';
import { findVisibleClients } from '@/server/clients/queries';
import { visibleClients } from '@/server/clients/visibility';
import { reuseWhileUnchanged } from '@/server/reuse';
import { cappedCount, escapeLike } from '@/server/sql';
import { readFeedbackSla } from './sla';
import { visibleFeedback } from './visibility';

const routedTo = alias(users, 'routed_to');
const loggedBy = alias(users, 'logged_by');

function assertCanRead(viewer: CurrentUser) {
  if (!can(viewer, 'clients.read')) forbidden();
}

const sortColumns: Record<FeedbackSort, PgColumn> = {
  createdAt: feedback.createdAt,
  client: clients.name,
  status: feedback.status,
  sentiment: feedback.sentiment,
  routedTo: routedTo.name,
  due: feedback.nextDueAt,
};

/** Open feedback whose current step is past due at `now`. */
export function overdueFeedback(now: Date) {
  return and(ne(feedback.status, 'resolved'), lt(feedback.nextDueAt, now));
}

/** The WHERE of the feedback list: the viewer's visibility, then the URL's filters. */
export function feedbackListWhere(
  visibility: SQL | undefined,
  params: Omit<FeedbackListParams, 'page' | 'size' | 'sort' | 'dir'>,
  now: Date,
) {
  const filters: (SQL | undefined)[] = [visibility];
  if (params.status) filters.push(eq(feedback.status, params.status));
  if (params.sentiment) filters.push(eq(feedback.sentiment, params.sentiment));
  if (params.client) filters.push(eq(feedback.clientId, params.client));
  if (params.routedTo) filters.push(eq(feedback.routedToId, params.routedTo));
  if (params.overdue) filters.push(overdueFeedback(now));
  if (params.q) {
    const pattern = `%${escapeLike(params.q)}%`;
    filters.push(
      or(
        ilike(feedback.category, pattern),
        inArray(
          feedback.clientId,
          db.select({ id: clients.id }).from(clients).where(ilike(clients.name, pattern)),
        ),
      ),
    );
  }
  return and(...filters);
}

/** A page of the feedback list with a capped total; `overdue` is judged at `now`. */
export async function listFeedback(viewer: CurrentUser, params: FeedbackListParams, now: Date) {
  assertCanRead(viewer);
  const where = feedbackListWhere(await visibleFeedback(viewer), params, now);
  const column = sortColumns[params.sort];
  const order =
    params.dir === 'desc'
      ? [sql`${column} desc nulls last`, desc(feedback.id)]
      : [sql`${column} asc nulls last`, asc(feedback.id)];
  const [rows, counted] = await Promise.all([
    db
      .select({
        id: feedback.id,
        clientId: feedback.clientId,
        clientName: clients.name,
        sentiment: feedback.sentiment,
        channel: feedback.channel,
        category: feedback.category,
        status: feedback.status,
        routedToName: routedTo.name,
        nextDueAt: feedback.nextDueAt,
        createdAt: feedback.createdAt,
      })
      .from(feedback)
      .innerJoin(clients, eq(clients.id, feedback.clientId))
      .leftJoin(routedTo, eq(routedTo.id, feedback.routedToId))
      .where(where)
      .orderBy(...order)
      .limit(params.size)
      .offset((params.page - 1) * params.size),
    cappedCount(feedback, where),
  ]);
  return { rows, ...counted };
}

export type FeedbackListRow = Awaited<ReturnType<typeof listFeedback>>['rows'][number];

/** One feedback item with what its page shows and what the viewer may do to it. */
export async function getFeedbackPage(viewer: CurrentUser, id: string) {
  assertCanRead(viewer);
  const resolvedBy = alias(users, 'resolved_by');
  const [item] = await db
    .select({
      id: feedback.id,
      clientId: feedback.clientId,
      clientName: clients.name,
      clientOwnerId: clients.ownerId,
      contactName: contacts.name,
      meetingId: meetings.id,
      meetingTitle: meetings.title,
      channel: feedback.channel,
      sentiment: feedback.sentiment,
      category: feedback.category,
      body: feedback.body,
      status: feedback.status,
      routedToId: feedback.routedToId,
      routedToName: routedTo.name,
      loggedByName: loggedBy.name,
      routedAt: feedback.routedAt,
      acknowledgeDueAt: feedback.acknowledgeDueAt,
      acknowledgedAt: feedback.acknowledgedAt,
      resolveDueAt: feedback.resolveDueAt,
      resolvedAt: feedback.resolvedAt,
      resolvedByName: resolvedBy.name,
      resolution: feedback.resolution,
      nextDueAt: feedback.nextDueAt,
      escalatedAt: feedback.escalatedAt,
      createdAt: feedback.createdAt,
      version: feedback.version,
    })
    .from(feedback)
    .innerJoin(clients, eq(clients.id, feedback.clientId))
    .leftJoin(contacts, eq(contacts.id, feedback.contactId))
    .leftJoin(meetings, eq(meetings.id, feedback.meetingId))
    .leftJoin(routedTo, eq(routedTo.id, feedback.routedToId))
    .leftJoin(loggedBy, eq(loggedBy.id, feedback.loggedById))
    .leftJoin(resolvedBy, eq(resolvedBy.id, feedback.resolvedById))
    .where(and(eq(feedback.id, id), await visibleFeedback(viewer)))
    .limit(1);
  if (!item) notFound();
  return {
    item,
    mayAnswer: can(viewer, 'feedback.resolve', {
      routedToId: item.routedToId,
      ownerId: item.clientOwnerId,
    }),
    mayRoute: can(viewer, 'feedback.write'),
  };
}

export type FeedbackPage = Awaited<ReturnType<typeof getFeedbackPage>>;

/** The feedback panel of a client page: newest first. */
export async function listClientFeedback(viewer: CurrentUser, clientId: string) {
  assertCanRead(viewer);
  return db
    .select({
      id: feedback.id,
      sentiment: feedback.sentiment,
      status: feedback.status,
      category: feedback.category,
      body: feedback.body,
      routedToName: routedTo.name,
      nextDueAt: feedback.nextDueAt,
      createdAt: feedback.createdAt,
    })
    .from(feedback)
    .leftJoin(routedTo, eq(routedTo.id, feedback.routedToId))
    .where(and(eq(feedback.clientId, clientId), await visibleFeedback(viewer)))
    .orderBy(sql`${feedback.createdAt} desc nulls last`, desc(feedback.id))
    .limit(20);
}

/** "My work": open feedback routed to the viewer, the soonest due first. */
export async function listFeedbackRoutedToMe(viewer: CurrentUser) {
  assertCanRead(viewer);
  return db
    .select({
      id: feedback.id,
      clientName: clients.name,
      sentiment: feedback.sentiment,
      status: feedback.status,
      nextDueAt: feedback.nextDueAt,
    })
    .from(feedback)
    .innerJoin(clients, eq(clients.id, feedback.clientId))
    .where(
      and(
        eq(feedback.routedToId, viewer.id),
        inArray(feedback.status, ['routed', 'acknowledged']),
        await visibleFeedback(viewer),
      ),
    )
    .orderBy(sql`${feedback.nextDueAt} asc nulls last`, asc(feedback.id))
    .limit(10);
}

/**
 * The manager's SLA figure over the 30 days before `now`, for feedback routed in that time: of the
 * items whose acknowledgement (or resolution) was due or done, the share done by its due time.
 */
export async function getFeedbackSlaFigure(viewer: CurrentUser, now: Date) {
  if (!can(viewer, 'reports.team')) forbidden();
  const minute = String(Math.floor(now.getTime() / 60_000));
  return reuseSlaFigure(minute, await feedbackMarker(), async () => {
    const [row] = await feedbackSlaFigureQuery(now);
    return row ?? { acknowledgeDue: 0, acknowledgedInTime: 0, resolveDue: 0, resolvedInTime: 0 };
  });
}

// The figure counts a month of feedback (a third of the large seed's) on every visit of a
// manager's home page, so it is reused within its minute while no feedback has been written since.
// A deletion is not noticed until the minute is up.
const reuseSlaFigure = reuseWhileUnchanged<
  Awaited<ReturnType<typeof feedbackSlaFigureQuery>>[number]
>({ maxAgeMs: 60_000, limit: 10 });

/** Moves on with every insert or update of feedback; one probe of the updated index. */
async function feedbackMarker() {
  const [row] = await db.execute<{ marker: string | null }>(
    sql`select max(${feedback.updatedAt})::text as marker from ${feedback}`,
  );
  return row?.marker ?? '';
}

/** The figure's one statement, unexecuted, so the benchmark can EXPLAIN it too. */
export function feedbackSlaFigureQuery(now: Date) {
  const since = new Date(now.getTime() - 30 * 86_400_000);
  return db
    .select({
      acknowledgeDue: sql<number>`count(*) filter (where ${feedback.acknowledgedAt} is not null or ${feedback.acknowledgeDueAt} < ${now.toISOString()}::timestamptz)::int`,
      acknowledgedInTime: sql<number>`count(*) filter (where ${feedback.acknowledgedAt} <= ${feedback.acknowledgeDueAt})::int`,
      resolveDue: sql<number>`count(*) filter (where ${feedback.resolvedAt} is not null or ${feedback.resolveDueAt} < ${now.toISOString()}::timestamptz)::int`,
      resolvedInTime: sql<number>`count(*) filter (where ${feedback.resolvedAt} <= ${feedback.resolveDueAt})::int`,
    })
    .from(feedback)
    .where(gte(feedback.routedAt, since));
}

export type FeedbackSlaFigure = Awaited<ReturnType<typeof getFeedbackSlaFigure>>;

/**
 * What the "log feedback" form offers: the chosen visible client with its contacts, the meeting of
 * that client it was heard in (when named), and who to route to.
 */
export async function getLogFeedbackOptions(
  viewer: CurrentUser,
  clientId: string | undefined,
  meetingId?: string,
) {
  if (!can(viewer, 'feedback.write')) forbidden();
  const [client] = clientId
    ? await db
        .select({ id: clients.id, name: clients.name, ownerId: clients.ownerId })
        .from(clients)
        .where(and(eq(clients.id, clientId), await visibleClients(viewer)))
        .limit(1)
    : [];
  const [clientContacts, people, [meeting]] = await Promise.all([
    client
      ? db
          .select({ id: contacts.id, name: contacts.name })
          .from(contacts)
          .where(eq(contacts.clientId, client.id))
          .orderBy(asc(contacts.name))
      : [],
    listRoutingChoices(viewer),
    client && meetingId
      ? db
          .select({ id: meetings.id, name: meetings.title })
          .from(meetings)
          .where(and(eq(meetings.id, meetingId), eq(meetings.clientId, client.id)))
          .limit(1)
      : [],
  ]);
  return { client: client ?? null, contacts: clientContacts, people, meeting: meeting ?? null };
}

/** Who feedback can be routed to: active users. */
export async function listRoutingChoices(viewer: CurrentUser) {
  assertCanRead(viewer);
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(eq(users.active, true))
    .orderBy(asc(users.name));
}

/** Visible clients whose name contains `query`, to log feedback for. */
export async function findClientsForFeedback(viewer: CurrentUser, query: string) {
  if (!can(viewer, 'feedback.write')) forbidden();
  return query.trim() ? findVisibleClients(viewer, query, 20) : [];
}

/** The feedback SLA for the settings form. */
export async function getFeedbackSla(viewer: CurrentUser) {
  if (!can(viewer, 'settings.manage')) forbidden();
  return readFeedbackSla(db);
}

import 'server-only';
import { and, eq, exists, ilike, inArray, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import { db } from '@/db/client';
import { clients, clientTags, contacts, users } from '@/db/schema';
import type { ClientListParams, ClientSort } from '@/lib/validation/clients';
import { escapeLike, estimatedCount, onPage } from '@/server/sql';

export const owners = alias(users, 'owners');
export const coordinators = alias(users, 'coordinators');

/** The columns a client list row carries. */
export const clientRowColumns = {
  id: clients.id,
  name: clients.name,
  status: clients.status,
  industry: clients.industry,
  tier: clients.tier,
  website: clients.website,
  ownerId: clients.ownerId,
  ownerName: owners.name,
  coordinatorId: clients.coordinatorId,
  coordinatorName: coordinators.name,
  currency: clients.currency,
  annualValueCents: clients.annualValueCents,
  lastActivityAt: clients.lastActivityAt,
  updatedAt: clients.updatedAt,
  version: clients.version,
  fitScore: clients.fitScore,
  source: clients.source,
  nextStep: clients.nextStep,
  nextStepDate: clients.nextStepDate,
};

const sortColumns: Record<ClientSort, PgColumn> = {
  name: clients.name,
  status: clients.status,
  industry: clients.industry,
  tier: clients.tier,
  owner: owners.name,
  coordinator: coordinators.name,
  annualValue: clients.annualValueCents,
  lastActivityAt: clients.lastActivityAt,
  updatedAt: clients.updatedAt,
  fitScore: clients.fitScore,
  nextStepDate: clients.nextStepDate,
};

/**
 * ORDER BY for a list: the column, then id as a tiebreak so pages never repeat or skip a row.
 * Null placement follows each column's index (last activity: never-touched accounts count as oldest).
 */
function clientOrder(
  sort: ClientSort,
  dir: 'asc' | 'desc',
  column: SQLWrapper = sortColumns[sort],
  id: SQLWrapper = clients.id,
): SQL {
  if (sort === 'lastActivityAt') {
    return dir === 'desc'
      ? sql`${column} desc nulls last, ${id} desc`
      : sql`${column} asc nulls first, ${id} asc`;
  }
  return dir === 'desc' ? sql`${column} desc, ${id} desc` : sql`${column} asc, ${id} asc`;
}

/**
 * Whether a client's name, website, or a contact's name or e-mail contains `query`, tested on the
 * client's row alone (its contacts' text is kept on it), so a plan may walk any index of clients.
 */
export function clientMatches(query: string): SQL {
  const pattern = `%${escapeLike(query)}%`;
  // contact_text has one contact field per line: a term with a line break could match across two.
  const contactMatches = query.includes('\n')
    ? exists(
        db
          .select({ one: sql`1` })
          .from(contacts)
          .where(
            and(
              eq(contacts.clientId, clients.id),
              or(ilike(contacts.name, pattern), ilike(contacts.email, pattern)),
            ),
          ),
      )
    : sql`${clients.contactText} like lower(${pattern})`;
  return sql`(${or(ilike(clients.name, pattern), ilike(clients.website, pattern), contactMatches)})`;
}

/** The WHERE of a client list: the viewer's visibility, the preset (prospects), then the URL's filters. */
export function clientListWhere(
  visibility: SQL | undefined,
  params: Omit<ClientListParams, 'page' | 'size' | 'sort' | 'dir'>,
): SQL | undefined {
  const filters: (SQL | undefined)[] = [visibility];
  if (params.status) filters.push(eq(clients.status, params.status));
  if (params.owner) filters.push(eq(clients.ownerId, params.owner));
  if (params.coordinator) filters.push(eq(clients.coordinatorId, params.coordinator));
  if (params.industry) filters.push(eq(clients.industry, params.industry));
  if (params.tier) filters.push(eq(clients.tier, params.tier));
  if (params.tag) {
    filters.push(
      inArray(
        clients.id,
        db
          .select({ id: clientTags.clientId })
          .from(clientTags)
          .where(eq(clientTags.tagId, params.tag)),
      ),
    );
  }
  if (params.q) filters.push(clientMatches(params.q));
  return and(...filters);
}

/** The client list query, every client matching `where` in the list's order. */
export function clientListQuery(
  where: SQL | undefined,
  params: Pick<ClientListParams, 'sort' | 'dir'>,
) {
  return db
    .select(clientRowColumns)
    .from(clients)
    .leftJoin(owners, eq(owners.id, clients.ownerId))
    .leftJoin(coordinators, eq(coordinators.id, clients.coordinatorId))
    .where(where)
    .orderBy(clientOrder(params.sort, params.dir));
}

/** The same query with an export's columns, computed in SQL from the same joins. */
export function clientExportQuery(
  where: SQL | undefined,
  params: Pick<ClientListParams, 'sort' | 'dir'>,
  columns: Record<string, SQL>,
) {
  return db
    .select(columns)
    .from(clients)
    .leftJoin(owners, eq(owners.id, clients.ownerId))
    .leftJoin(coordinators, eq(coordinators.id, clients.coordinatorId))
    .where(where)
    .orderBy(clientOrder(params.sort, params.dir));
}

/**
 * One page of the client list. An offset walks every row it skips, and reading each of those
 * rows took page 1,000 to 130 ms; the page's ids are found first (on the sort's index alone),
 * then only those rows are read.
 */
export function clientPageQuery(
  where: SQL | undefined,
  params: Pick<ClientListParams, 'sort' | 'dir' | 'page' | 'size'>,
) {
  let pageIds = db.select({ id: clients.id }).from(clients).$dynamic();
  // Joined only to sort by their names: an unused join still keeps PostgreSQL off the index alone.
  if (params.sort === 'owner') pageIds = pageIds.leftJoin(owners, eq(owners.id, clients.ownerId));
  if (params.sort === 'coordinator') {
    pageIds = pageIds.leftJoin(coordinators, eq(coordinators.id, clients.coordinatorId));
  }
  pageIds = pageIds.where(where).orderBy(clientOrder(params.sort, params.dir));
  return clientListQuery(onPage(clients.id, pageIds, params), params);
}

// A search expected to keep at most this many clients gathers its matches and sorts them (a few
// milliseconds per thousand); a broader one first walks the sort's index, where matches come often.
const gatherAtMost = 2_000;
// How far that walk goes before giving up for the gathering: matches can cluster (by name, "harbor"
// starts 5,000 clients in and, from the other end, 70,000), and a walk costs about what gathering
// as many matches does.
const walkAtMost = 10_000;

/**
 * Whether a search's page is first looked for by a walk (`walkedPageQuery`), from an estimate. The
 * owner's and coordinator's names have no index of clients in their order to walk.
 */
export async function searchWalksFirst(where: SQL | undefined, sort: ClientSort) {
  if (sort === 'owner' || sort === 'coordinator') return false;
  return (await estimatedCount(clients, where)) > gatherAtMost;
}

/**
 * Each client's id, sort key and whether it is a `hit`, with the joins the sort needs: what the
 * two plans below order and test.
 */
function sortKeyQuery(sort: ClientSort, hit: SQL) {
  let query = db
    .select({
      id: clients.id,
      key: sql`${sortColumns[sort]}`.as('sort_key'),
      hit: sql<boolean>`${hit}`.as('hit'),
    })
    .from(clients)
    .$dynamic();
  if (sort === 'owner') query = query.leftJoin(owners, eq(owners.id, clients.ownerId));
  if (sort === 'coordinator') {
    query = query.leftJoin(coordinators, eq(coordinators.id, clients.coordinatorId));
  }
  return query;
}

/**
 * The ids of a broad search's page and one more, when they are among the first walkAtMost clients
 * `filters` keeps in the list's order: the sort's index is walked and each client tested as it
 * comes, so the walk stops at the page's last match. Fewer rows than the page and one mean the
 * walk gave up or the matches ended: gather them instead.
 */
export function walkedPageQuery(
  filters: SQL | undefined,
  match: SQL,
  params: Pick<ClientListParams, 'sort' | 'dir' | 'page' | 'size'>,
): SQL {
  const walk = sortKeyQuery(params.sort, match)
    .where(filters)
    .orderBy(clientOrder(params.sort, params.dir))
    .limit(walkAtMost);
  return sql`select walked.id from (${walk}) walked where walked.hit
    order by ${clientOrder(params.sort, params.dir, sql`walked.sort_key`, sql`walked.id`)}
    limit ${params.size + 1} offset ${(params.page - 1) * params.size}`;
}

/**
 * A page of the clients `where` keeps when they are few (a rare search term), with how many there
 * are: every match is gathered first, on the trigram indexes, then sorted; walking the sort's
 * index would test every client before the page to find a handful. `offset 0` keeps the planner
 * from turning the gathering back into that walk.
 */
export function matchedPageQuery(
  where: SQL | undefined,
  params: Pick<ClientListParams, 'sort' | 'dir' | 'page' | 'size'>,
): SQL {
  return sql`select matched.id, (count(*) over ())::int as total
    from (${sortKeyQuery(params.sort, sql`true`).where(where)} offset 0) matched
    order by ${clientOrder(params.sort, params.dir, sql`matched.sort_key`, sql`matched.id`)}
    limit ${params.size} offset ${(params.page - 1) * params.size}`;
}

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
 * client's row alone (its search_text holds them all), so a plan may walk any index of clients.
 */
export function clientMatches(query: string): SQL {
  const pattern = `%${escapeLike(query)}%`;
  // search_text has one field per line: a term with a line break could match across two.
  if (!query.includes('\n')) return sql`(${clients.searchText} like lower(${pattern}))`;
  const contactMatches = exists(
    db
      .select({ one: sql`1` })
      .from(contacts)
      .where(
        and(
          eq(contacts.clientId, clients.id),
          or(ilike(contacts.name, pattern), ilike(contacts.email, pattern)),
        ),
      ),
  );
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

// A search expected to keep at most this many clients gathers its matches and sorts them (about a
// millisecond per thousand); a broader one first walks the sort's index, where matches come often.
const gatherAtMost = 2_000;
// How far that walk goes before giving up for the gathering. Matches can cluster: by name,
// "harbor" starts 5,000 clients in and, from the other end, 70,000. Testing a client on the walk
// costs about 1/1.4 of gathering a match, so a walk goes as far as the gathering would cost (one
// that finds too little at most doubles the search's cost), and never past walkAtMost.
const walkedPerMatch = 1.4;
const walkAtMost = 10_000;

/**
 * How many clients a search's walk (`walkedPageQuery`) tests at most before its matches are
 * gathered instead, from an estimate of how many there are: 0 when they are few enough to gather.
 */
export async function searchWalkLength(where: SQL | undefined) {
  const estimate = await estimatedCount(clients, where);
  if (estimate <= gatherAtMost) return 0;
  return Math.min(walkAtMost, Math.round(estimate * walkedPerMatch));
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
 * The ids of a broad search's page and one more, when they are among the first `walkLength`
 * clients `filters` keeps in the list's order: the sort's index is walked and each client tested as
 * it comes, so the walk stops at the page's last match. Fewer rows than the page and one mean the walk gave up or the matches ended: gather them
 * instead.
 */
export function walkedPageQuery(
  filters: SQL | undefined,
  match: SQL,
  params: Pick<ClientListParams, 'sort' | 'dir' | 'page' | 'size'>,
  walkLength: number,
): SQL {
  const needed = params.page * params.size + 1;
  if (params.sort === 'owner' || params.sort === 'coordinator') {
    return walkedByPersonQuery(filters, match, params, needed, walkLength);
  }
  const walk = sortKeyQuery(params.sort, match)
    .where(filters)
    .orderBy(clientOrder(params.sort, params.dir))
    .limit(walkLength);
  return sql`select walked.id from (${walk}) walked where walked.hit
    order by ${clientOrder(params.sort, params.dir, sql`walked.sort_key`, sql`walked.id`)}
    limit ${params.size + 1} offset ${(params.page - 1) * params.size}`;
}

/**
 * The same walk for the owner's or coordinator's name, which no index of clients holds: person by
 * person in name order (then the clients with nobody, last ascending), each one's clients in id
 * order on their (person, id) index, at most `walkLength` of them. A walk that reaches
 * `walkLength` yields its last row as no `hit`, since more matches may follow it; the page stands
 * only when its `needed` first rows are all hits. People sharing a name sort their clients
 * together by id, as the rows are ordered by name and id a person at a time. People with no
 * clients are left out, and the row standing for nobody is kept out of the people's walk by a
 * test of its own: the planner may take a person's clients off the primary key, which for
 * someone with none (or nobody's `= null`) would read every client (33 ms of a 35 ms search).
 */
function walkedByPersonQuery(
  filters: SQL | undefined,
  match: SQL,
  params: Pick<ClientListParams, 'sort' | 'dir' | 'page' | 'size'>,
  needed: number,
  walkLength: number,
): SQL {
  const personId = params.sort === 'owner' ? clients.ownerId : clients.coordinatorId;
  const dir = params.dir === 'desc' ? sql.raw('desc') : sql.raw('asc');
  const idOrder = sql`${clients.id} ${dir}`;
  const walkOf = (own: SQL) =>
    sql`(select steps.id, steps.hit and steps.n < ${walkLength} as hit from (${db
      .select({
        id: clients.id,
        hit: sql<boolean>`${match}`.as('hit'),
        n: sql<number>`row_number() over (order by ${idOrder})`.as('n'),
      })
      .from(clients)
      .where(and(own, filters))
      .orderBy(idOrder)
      .limit(walkLength)}) steps
      where steps.hit or steps.n = ${walkLength} limit ${needed})`;
  return sql`with firsts as (
      select person.name as sort_key, walked.id, walked.hit
      from (select ${users.id} as id, ${users.name} as name from ${users}
        where exists (select 1 from ${clients} where ${personId} = ${users.id})
        union all select null, null) person
      cross join lateral (
        ${walkOf(sql`person.id is not null and ${personId} = person.id`)}
        union all
        ${walkOf(sql`person.id is null and ${personId} is null`)}
      ) walked
      order by person.name ${dir}, walked.id ${dir}
      limit ${needed}
    )
    select firsts.id from firsts where (select bool_and(firsts.hit) from firsts)
    order by firsts.sort_key ${dir}, firsts.id ${dir}
    offset ${(params.page - 1) * params.size}`;
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

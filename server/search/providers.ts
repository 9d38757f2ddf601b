import 'server-only';
import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { union, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import { db } from '@/db/client';
import { clients, contacts, contracts, deals, materials, proposals } from '@/db/schema';
import { clientStatusLabels } from '@/lib/clients';
import { contractStatusLabels } from '@/lib/contracts';
import { dealStageLabels } from '@/lib/deals';
import { formatMoney } from '@/lib/format';
import { materialStatusLabels } from '@/lib/materials';
import { proposalStatusLabels } from '@/lib/proposals';
import type { SearchHit } from '@/lib/search';
import { can } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';
import { firstClientsFound } from '@/server/clients/queries';
import { visibleThroughClient } from '@/server/clients/visibility';
import { visibleDeals } from '@/server/deals/visibility';
import { invoiceSearchProvider } from '@/server/invoices/search';
import { escapeLike } from '@/server/sql';

// A broad term ("harbor") matches thousands of contacts or proposals, and sorting them all to show
// five took 100–200 ms on the large seed. Their providers show the first few by name among at most
// this many matches that start with the term, and as many that contain it anywhere, which any plan
// finds and stops at: "Ann" still finds Ann before the Joannes, and a narrow term gets the exact
// first few. Clients take the clients list's own search, and deals need no cap: walking their
// name index finds a broad term's first few.
const candidateCap = 25;

/**
 * Rows of `table` whose `id` is among the first matches of `query` in `columns`, within `visible`.
 * Those that start with it are read off each column's `lower(column) text_pattern_ops` index in
 * its order (ILIKE is LOWER on both sides, then LIKE), so the same first ones come every time.
 */
function amongFirstMatches(
  table: PgTable,
  id: PgColumn,
  columns: PgColumn[],
  query: string,
  visible: SQL | undefined,
) {
  const term = escapeLike(query);
  const [first, ...others] = columns.map((column) =>
    db
      .select({ id })
      .from(table)
      .where(and(sql`lower(${column}) like lower(${`${term}%`})`, visible))
      .orderBy(sql`lower(${column})`)
      .limit(candidateCap),
  );
  const containing = db
    .select({ id })
    .from(table)
    .where(and(or(...columns.map((column) => ilike(column, `%${term}%`))), visible))
    .limit(candidateCap);
  return inArray(id, union(containing, first!, ...others));
}

/**
 * One kind of record the Ctrl/Cmd+K palette finds. Later domains (deals, proposals, contracts,
 * invoices) add a provider here; each checks its own permission and visibility.
 */
export type SearchProvider = {
  label: string;
  search: (viewer: CurrentUser, query: string, limit: number) => Promise<SearchHit[]>;
};

const clientProvider: SearchProvider = {
  label: 'Clients',
  async search(viewer, query, limit) {
    if (!can(viewer, 'clients.read')) return [];
    const rows = await firstClientsFound(viewer, query, limit);
    return rows.map((row) => ({
      id: row.id,
      title: row.name,
      subtitle: [clientStatusLabels[row.status], row.website].filter(Boolean).join(' · '),
      href: `/clients/${row.id}`,
    }));
  },
};

const contactProvider: SearchProvider = {
  label: 'Contacts',
  async search(viewer, query, limit) {
    if (!can(viewer, 'clients.read')) return [];
    const rows = await db
      .select({
        id: contacts.id,
        name: contacts.name,
        email: contacts.email,
        clientId: clients.id,
        clientName: clients.name,
      })
      .from(contacts)
      .innerJoin(clients, eq(clients.id, contacts.clientId))
      .where(
        amongFirstMatches(
          contacts,
          contacts.id,
          [contacts.name, contacts.email],
          query,
          await visibleThroughClient(viewer, contacts.clientId),
        ),
      )
      .orderBy(asc(contacts.name), asc(contacts.id))
      .limit(limit);
    return rows.map((row) => ({
      id: row.id,
      title: row.name,
      subtitle: [row.email, row.clientName].filter(Boolean).join(' · '),
      href: `/clients/${row.clientId}`,
    }));
  },
};

/** A provider for records found by title that hang off a client (proposals, contracts, materials). */
function titledRecordProvider<TStatus extends string>(record: {
  label: string;
  table: PgTable;
  id: PgColumn;
  title: PgColumn;
  status: PgColumn;
  clientId: PgColumn;
  statusLabels: Record<TStatus, string>;
  path: string;
}): SearchProvider {
  return {
    label: record.label,
    async search(viewer, query, limit) {
      if (!can(viewer, 'clients.read')) return [];
      const rows = await db
        .select({
          id: record.id,
          title: record.title,
          status: record.status,
          clientName: clients.name,
        })
        .from(record.table)
        .innerJoin(clients, eq(clients.id, record.clientId))
        .where(
          amongFirstMatches(
            record.table,
            record.id,
            [record.title],
            query,
            await visibleThroughClient(viewer, record.clientId),
          ),
        )
        .orderBy(asc(record.title), asc(record.id))
        .limit(limit);
      return rows.map((row) => ({
        id: row.id as string,
        title: row.title as string,
        subtitle: `${record.statusLabels[row.status as TStatus]} · ${row.clientName}`,
        href: `${record.path}/${row.id as string}`,
      }));
    },
  };
}

const proposalProvider = titledRecordProvider({
  label: 'Proposals',
  table: proposals,
  id: proposals.id,
  title: proposals.title,
  status: proposals.status,
  clientId: proposals.clientId,
  statusLabels: proposalStatusLabels,
  path: '/proposals',
});

const contractProvider = titledRecordProvider({
  label: 'Contracts',
  table: contracts,
  id: contracts.id,
  title: contracts.title,
  status: contracts.status,
  clientId: contracts.clientId,
  statusLabels: contractStatusLabels,
  path: '/contracts',
});

const materialProvider = titledRecordProvider({
  label: 'Materials',
  table: materials,
  id: materials.id,
  title: materials.title,
  status: materials.status,
  clientId: materials.clientId,
  statusLabels: materialStatusLabels,
  path: '/materials',
});

const dealProvider: SearchProvider = {
  label: 'Deals',
  async search(viewer, query, limit) {
    if (!can(viewer, 'clients.read')) return [];
    const rows = await db
      .select({
        id: deals.id,
        name: deals.name,
        stage: deals.stage,
        amountCents: deals.amountCents,
        currency: deals.currency,
        clientName: clients.name,
      })
      .from(deals)
      .innerJoin(clients, eq(clients.id, deals.clientId))
      .where(and(ilike(deals.name, `%${escapeLike(query)}%`), await visibleDeals(viewer)))
      .orderBy(asc(deals.name), asc(deals.id))
      .limit(limit);
    return rows.map((row) => ({
      id: row.id,
      title: row.name,
      subtitle: [
        row.clientName,
        dealStageLabels[row.stage],
        formatMoney(row.amountCents, row.currency),
      ].join(' · '),
      href: `/deals/${row.id}`,
    }));
  },
};

export const searchProviders: SearchProvider[] = [
  clientProvider,
  contactProvider,
  dealProvider,
  proposalProvider,
  contractProvider,
  invoiceSearchProvider,
  materialProvider,
];

import { asc, count, desc, eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { clients, database, users } from '../db';

/**
 * The floor the benchmark measures Accord against: a dynamic page that reads `searchParams`, runs
 * a 50-row page of the clients list with drizzle and an exact count, and renders a plain table
 * with links (pager, sort headers, a status filter). No sign-in, no shell, no client components.
 */

const owners = alias(users, 'owners');
const coordinators = alias(users, 'coordinators');
const sortColumns = {
  name: clients.name,
  lastActivityAt: clients.lastActivityAt,
  updatedAt: clients.updatedAt,
};
const statuses = ['prospect', 'active', 'paused', 'churned'];
const pageSize = 50;

type Sort = keyof typeof sortColumns;

function first(value: string | string[] | undefined) {
  return Array.isArray(value) ? value[0] : value;
}

export default async function FloorPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = await searchParams;
  const page = Math.max(1, Number(first(raw.page)) || 1);
  const requestedSort = first(raw.sort) ?? 'name';
  const sort: Sort = requestedSort in sortColumns ? (requestedSort as Sort) : 'name';
  const dir = first(raw.dir) === 'desc' ? 'desc' : 'asc';
  const status = statuses.find((value) => value === first(raw.status));
  const where: SQL | undefined = status ? eq(clients.status, status) : undefined;
  const order = dir === 'desc' ? desc : asc;
  const db = database();
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: clients.id,
        name: clients.name,
        status: clients.status,
        industry: clients.industry,
        tier: clients.tier,
        ownerName: owners.name,
        coordinatorName: coordinators.name,
        currency: clients.currency,
        annualValueCents: clients.annualValueCents,
        lastActivityAt: clients.lastActivityAt,
        updatedAt: clients.updatedAt,
      })
      .from(clients)
      .leftJoin(owners, eq(owners.id, clients.ownerId))
      .leftJoin(coordinators, eq(coordinators.id, clients.coordinatorId))
      .where(where)
      .orderBy(order(sortColumns[sort]), order(clients.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(clients).where(where),
  ]);
  const link = (changes: Record<string, string | number>) =>
    `/?${new URLSearchParams({ sort, dir, ...(status ? { status } : {}), page: String(page), ...Object.fromEntries(Object.entries(changes).map(([key, value]) => [key, String(value)])) })}`;
  const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
  const dateTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <main>
      <h1>Clients</h1>
      <p>
        {statuses.map((value) => (
          <a key={value} href={link({ status: value, page: 1 })}>
            {value}{' '}
          </a>
        ))}
      </p>
      <table>
        <thead>
          <tr>
            {(['name', 'lastActivityAt', 'updatedAt'] as const).map((column) => (
              <th key={column}>
                <a
                  href={link({
                    sort: column,
                    dir: sort === column && dir === 'asc' ? 'desc' : 'asc',
                    page: 1,
                  })}
                >
                  {column}
                </a>
              </th>
            ))}
            <th>Status</th>
            <th>Industry</th>
            <th>Tier</th>
            <th>Owner</th>
            <th>Coordinator</th>
            <th>Annual value</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <a href={`/clients/${row.id}`}>{row.name}</a>
              </td>
              <td>{row.lastActivityAt ? dateTime.format(row.lastActivityAt) : 'None'}</td>
              <td>{dateTime.format(row.updatedAt)}</td>
              <td>{row.status}</td>
              <td>{row.industry ?? '—'}</td>
              <td>{row.tier}</td>
              <td>{row.ownerName ?? '—'}</td>
              <td>{row.coordinatorName ?? '—'}</td>
              <td>{money.format(row.annualValueCents / 100)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {total?.total ?? 0} clients · page {page}{' '}
        {page > 1 ? <a href={link({ page: page - 1 })}>Previous</a> : null}{' '}
        <a href={link({ page: page + 1 })}>Next</a>
      </p>
    </main>
  );
}

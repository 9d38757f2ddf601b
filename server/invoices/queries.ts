import 'server-only';
import { and, desc, eq, gte, inArray, like, lt, lte, ne, sql, type SQL } from 'drizzle-orm';
import { PgDialect, type PgColumn } from 'drizzle-orm/pg-core';
import { forbidden, notFound } from 'next/navigation';
import { db, type Executor } from '@/db/client';
import {
  clients,
  contracts,
  creditNotes,
  invoiceLines,
  invoiceOpenBalances,
  invoices,
  invoiceStatusTotals,
  payments,
  users,
} from '@/db/schema';
import {
  agingBucketLabels,
  agingBuckets,
  computeInvoiceTotals,
  invoiceStatusLabels,
  openInvoiceStatuses,
  type AgingBucket,
} from '@/lib/invoices';
import type { InvoiceListParams, InvoiceSort } from '@/lib/validation/invoices';
import { can } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';
import { findVisibleClients } from '@/server/clients/queries';
import { visibleClients } from '@/server/clients/visibility';
import { copyCsv, csvLabel, csvMoney, csvText } from '@/server/csv';
import { cappedCount, escapeLike, listOrder, onPage } from '@/server/sql';
import { todayUtc } from './commands';
import { getCompanyDetails, getInvoiceSettings } from './settings';
import { visibleInvoices } from './visibility';

// Written out, not bound: a statement's partial indexes on open invoices must match it in any plan.
const openStatuses = sql.raw(openInvoiceStatuses.map((status) => `'${status}'`).join(', '));

function assertCanRead(viewer: CurrentUser) {
  if (!can(viewer, 'clients.read')) forbidden();
}

const sortColumns: Record<InvoiceSort, PgColumn> = {
  number: invoices.number,
  client: clients.name,
  issueDate: invoices.issueDate,
  dueDate: invoices.dueDate,
  total: invoices.totalCents,
  balance: invoices.balanceCents,
  status: invoices.status,
  createdAt: invoices.createdAt,
};

/** The WHERE of the invoices list (and its totals and export): visibility, then the filters. */
export function invoiceListWhere(
  visibility: SQL | undefined,
  params: Omit<InvoiceListParams, 'page' | 'size' | 'sort' | 'dir'>,
  today = todayUtc(),
) {
  const filters: (SQL | undefined)[] = [visibility];
  if (params.status) filters.push(eq(invoices.status, params.status));
  if (params.overdue) {
    // Past due and still owed, whether or not the daily job has marked it yet.
    filters.push(sql`${invoices.status} in (${openStatuses})`, lt(invoices.dueDate, today));
  }
  if (params.client) filters.push(eq(invoices.clientId, params.client));
  if (params.from) filters.push(gte(invoices.issueDate, params.from));
  if (params.to) filters.push(lte(invoices.issueDate, params.to));
  if (params.q) {
    const term = escapeLike(params.q);
    filters.push(
      sql`(${like(invoices.number, `${term.toUpperCase()}%`)} or ${inArray(
        invoices.clientId,
        db
          .select({ id: clients.id })
          .from(clients)
          .where(sql`${clients.name} ilike ${`%${term}%`}`),
      )})`,
    );
  }
  return and(...filters);
}

const invoiceRowColumns = {
  id: invoices.id,
  number: invoices.number,
  status: invoices.status,
  clientId: invoices.clientId,
  clientName: clients.name,
  issueDate: invoices.issueDate,
  dueDate: invoices.dueDate,
  totalCents: invoices.totalCents,
  balanceCents: invoices.balanceCents,
  currency: invoices.currency,
};

function invoiceOrder(params: Pick<InvoiceListParams, 'sort' | 'dir'>) {
  return listOrder(sortColumns[params.sort], invoices.id, params.dir);
}

/** The invoices list in its order for a WHERE built by invoiceListWhere: a page, or an export. */
export function invoiceListQuery(
  where: SQL | undefined,
  params: Pick<InvoiceListParams, 'sort' | 'dir'>,
) {
  return db
    .select(invoiceRowColumns)
    .from(invoices)
    .innerJoin(clients, eq(clients.id, invoices.clientId))
    .where(where)
    .orderBy(...invoiceOrder(params));
}

/** The invoices export's columns, computed in SQL from the list's join, in its order. */
const invoiceCsvColumns = {
  number: csvText(invoices.number),
  clientName: csvText(clients.name),
  status: csvLabel(invoices.status, invoiceStatusLabels),
  issueDate: csvText(invoices.issueDate),
  dueDate: csvText(invoices.dueDate),
  currency: csvText(invoices.currency),
  total: csvMoney(invoices.totalCents),
  balance: csvMoney(invoices.balanceCents),
};

/** The page query of the invoices list for a WHERE built by invoiceListWhere. */
export function invoicePageQuery(where: SQL | undefined, params: InvoiceListParams) {
  let ids = db.select({ id: invoices.id }).from(invoices).$dynamic();
  // Joined only to sort by the client's name: an unused join keeps PostgreSQL off the index alone.
  if (params.sort === 'client') ids = ids.innerJoin(clients, eq(clients.id, invoices.clientId));
  return invoiceListQuery(
    onPage(invoices.id, ids.where(where).orderBy(...invoiceOrder(params)), params),
    params,
  );
}

/** Every invoice matching the list's filters and search, in its order, as a CSV body. */
export async function invoicesCsv(
  viewer: CurrentUser,
  params: Omit<InvoiceListParams, 'page' | 'size'>,
) {
  assertCanRead(viewer);
  const where = invoiceListWhere(await visibleInvoices(viewer), params);
  return copyCsv(
    ['Number', 'Client', 'Status', 'Issue date', 'Due date', 'Currency', 'Total', 'Balance'],
    db
      .select(invoiceCsvColumns)
      .from(invoices)
      .innerJoin(clients, eq(clients.id, invoices.clientId))
      .where(where)
      .orderBy(...invoiceOrder(params)),
  );
}

/** A page of the invoices list with a capped total, and the filter's sums per currency. */
export async function listInvoices(viewer: CurrentUser, params: InvoiceListParams) {
  assertCanRead(viewer);
  const visibility = await visibleInvoices(viewer);
  const where = invoiceListWhere(visibility, params);
  // Every invoice the team has, or those of one status (nothing else narrows them): their sums
  // are kept per status.
  const byStatusAlone =
    invoiceListWhere(visibility, { ...params, status: undefined }) === undefined;
  const [rows, counted, totals] = await Promise.all([
    invoicePageQuery(where, params),
    cappedCount(invoices, where),
    byStatusAlone ? statusTotalsByCurrency(params.status) : listTotalsByCurrency(where),
  ]);
  return { rows, totals, ...counted };
}

export type InvoiceListRow = Awaited<ReturnType<typeof listInvoices>>['rows'][number];

type CurrencyTotalRow = {
  currency: string;
  count: number;
  totalCents: string;
  balanceCents: string;
};

function currencyTotals(rows: CurrencyTotalRow[]) {
  return rows.map((row) => ({
    currency: row.currency,
    count: row.count,
    totalCents: Number(row.totalCents),
    balanceCents: Number(row.balanceCents),
  }));
}

/** The filter's total and balance per currency (never added across currencies), void left out. */
async function listTotalsByCurrency(where: SQL | undefined) {
  return currencyTotals(
    await db
      .select({
        currency: invoices.currency,
        count: sql<number>`count(*)::int`,
        totalCents: sql<string>`sum(${invoices.totalCents})`,
        balanceCents: sql<string>`sum(${invoices.balanceCents})`,
      })
      .from(invoices)
      .where(and(where, ne(invoices.status, 'void')))
      .groupBy(invoices.currency)
      .orderBy(invoices.currency),
  );
}

/** The same sums for every invoice of the team, or of one status, from their rollup. */
async function statusTotalsByCurrency(status: InvoiceListParams['status']) {
  return currencyTotals(
    await db
      .select({
        currency: invoiceStatusTotals.currency,
        count: sql<number>`sum(${invoiceStatusTotals.invoices})::int`,
        totalCents: sql<string>`sum(${invoiceStatusTotals.totalCents})`,
        balanceCents: sql<string>`sum(${invoiceStatusTotals.balanceCents})`,
      })
      .from(invoiceStatusTotals)
      .where(
        and(
          status ? eq(invoiceStatusTotals.status, status) : undefined,
          ne(invoiceStatusTotals.status, 'void'),
        ),
      )
      .groupBy(invoiceStatusTotals.currency)
      .orderBy(invoiceStatusTotals.currency),
  );
}

export type InvoiceCurrencyTotal = Awaited<ReturnType<typeof listTotalsByCurrency>>[number];

/** An invoice with its lines, tax summary, payments and credit notes; "not found" if hidden. */
export async function getInvoicePage(viewer: CurrentUser, invoiceId: string) {
  assertCanRead(viewer);
  const [row] = await db
    .select({
      invoice: invoices,
      clientName: clients.name,
      clientOwnerId: clients.ownerId,
      billingEmail: clients.billingEmail,
      billingAddress: clients.billingAddress,
      issuedByName: users.name,
      contractTitle: contracts.title,
    })
    .from(invoices)
    .innerJoin(clients, eq(clients.id, invoices.clientId))
    .leftJoin(users, eq(users.id, invoices.issuedById))
    // A contract hangs off the same client as its invoice, so it is visible whenever the invoice is.
    .leftJoin(contracts, eq(contracts.id, invoices.contractId))
    .where(and(eq(invoices.id, invoiceId), await visibleInvoices(viewer)))
    .limit(1);
  if (!row) notFound();
  const [lines, paymentRows, creditRows, invoiceSettings, company] = await Promise.all([
    db
      .select()
      .from(invoiceLines)
      .where(eq(invoiceLines.invoiceId, invoiceId))
      .orderBy(invoiceLines.position),
    db
      .select({
        id: payments.id,
        paidOn: payments.paidOn,
        amountCents: payments.amountCents,
        method: payments.method,
        reference: payments.reference,
        recordedByName: users.name,
      })
      .from(payments)
      .leftJoin(users, eq(users.id, payments.recordedById))
      .where(eq(payments.invoiceId, invoiceId))
      .orderBy(payments.paidOn, payments.id),
    db
      .select({
        id: creditNotes.id,
        number: creditNotes.number,
        issueDate: creditNotes.issueDate,
        amountCents: creditNotes.amountCents,
        reason: creditNotes.reason,
      })
      .from(creditNotes)
      .where(eq(creditNotes.invoiceId, invoiceId))
      .orderBy(creditNotes.numberSequence),
    getInvoiceSettings(),
    getCompanyDetails(),
  ]);
  const { taxSummary } = computeInvoiceTotals(lines, {
    rounding: row.invoice.taxRounding,
    pricesIncludeTax: row.invoice.pricesIncludeTax,
  });
  return {
    ...row,
    lines,
    taxSummary,
    payments: paymentRows,
    creditNotes: creditRows,
    taxRates: invoiceSettings.taxRates,
    company,
    mayIssue: can(viewer, 'invoices.issue', { ownerId: row.clientOwnerId }),
  };
}

export type InvoicePage = Awaited<ReturnType<typeof getInvoicePage>>;

/** A client's most recent invoices, for the panel on the client page. */
export async function listClientInvoices(viewer: CurrentUser, clientId: string) {
  assertCanRead(viewer);
  return db
    .select({
      id: invoices.id,
      number: invoices.number,
      status: invoices.status,
      issueDate: invoices.issueDate,
      dueDate: invoices.dueDate,
      totalCents: invoices.totalCents,
      balanceCents: invoices.balanceCents,
      currency: invoices.currency,
    })
    .from(invoices)
    .where(and(eq(invoices.clientId, clientId), await visibleInvoices(viewer)))
    .orderBy(desc(invoices.createdAt), desc(invoices.id))
    .limit(20);
}

type AgingAmounts = Record<AgingBucket, number> & { total: number };

function emptyAging(): AgingAmounts {
  return { current: 0, days1to30: 0, days31to60: 0, days61to90: 0, over90: 0, total: 0 };
}

/**
 * What was paid or credited on each invoice after `asOf`, and a zero for each voided since: added
 * back to the ledgers' sums kept on the invoice, it gives what the invoice owed then. Read through
 * the dates' indexes, never the whole ledgers.
 */
function paidSince(asOf: string) {
  return sql`
    later as (
      select invoice_id, sum(cents)::bigint as cents from (
        select ${payments.invoiceId} as invoice_id, ${payments.amountCents} as cents
          from ${payments} where ${payments.paidOn} > ${asOf}
        union all
        select ${creditNotes.invoiceId}, ${creditNotes.amountCents}
          from ${creditNotes} where ${creditNotes.issueDate} > ${asOf}
        union all
        select ${invoices.id}, 0
          from ${invoices} where ${invoices.status} = 'void' and ${invoices.voidedAt} > ${voidedBy(asOf)}
      ) ledger
      group by invoice_id
    )`;
}

const voidedBy = (asOf: string) => sql`(${asOf}::date + 1)`;
const keptBalance = sql`${invoices.totalCents} - ${invoices.paidCents} - ${invoices.creditedCents}`;

/** Invoices settled or voided since `asOf` that owed something on it, from `later` (paidSince). */
function settledSince(asOf: string, scope: SQL) {
  return sql`
    select ${invoices.clientId} as client_id, ${invoices.currency} as currency,
      ${invoices.dueDate} as due_date, ${keptBalance} + later.cents as cents
    from later join ${invoices} on ${invoices.id} = later.invoice_id
    where ${invoices.status} not in (${openStatuses}) and ${invoices.issueDate} <= ${asOf}
      and (${invoices.status} <> 'void' or ${invoices.voidedAt} > ${voidedBy(asOf)})
      and ${keptBalance} + later.cents > 0 ${scope}`;
}

/**
 * What each invoice owed on `asOf` and when it was due, for those that owed anything: invoices
 * issued by then and not void by then, less the payments and credit notes dated by then. So only
 * open invoices (their own index) and those paid, credited or voided after `asOf` are read.
 */
function owedAsOf(visibility: SQL | undefined, asOf: string) {
  const scope = visibility ? sql`and ${visibility}` : sql``;
  // The open invoices are read straight from their covering index, not materialized first, and
  // the ledgers' sums are bigint, so each balance stays integer arithmetic. Settled and open
  // invoices are told apart by status alone.
  return sql`
    with ${paidSince(asOf)},
    owed as (
      select ${invoices.clientId} as client_id, ${invoices.currency} as currency,
        ${invoices.dueDate} as due_date, ${keptBalance} + coalesce(later.cents, 0) as cents
      from ${invoices} left join later on later.invoice_id = ${invoices.id}
      where ${invoices.status} in (${openStatuses}) and ${invoices.issueDate} <= ${asOf} ${scope}
      union all
      ${settledSince(asOf, scope)}
    )`;
}

/**
 * The same sums for every invoice, per currency and due date rather than per invoice: what the
 * open invoices owe now from their rollup, less those issued after `asOf`, plus what was paid or
 * credited on the others since, plus those settled since. Exact for any `asOf`; cheap when it is
 * today or later, where the corrections find nothing.
 */
function teamOwedAsOf(asOf: string) {
  return sql`
    with ${paidSince(asOf)},
    owed as (
      select ${invoiceOpenBalances.currency} as currency, ${invoiceOpenBalances.dueDate} as due_date,
        ${invoiceOpenBalances.balanceCents} as cents
      from ${invoiceOpenBalances}
      union all
      select ${invoices.currency}, ${invoices.dueDate}, -(${keptBalance})
      from ${invoices}
      where ${invoices.status} in (${openStatuses}) and ${invoices.issueDate} > ${asOf}
      union all
      select ${invoices.currency}, ${invoices.dueDate}, later.cents
      from later join ${invoices} on ${invoices.id} = later.invoice_id
      where ${invoices.status} in (${openStatuses}) and ${invoices.issueDate} <= ${asOf}
      union all
      select currency, due_date, cents from (${settledSince(asOf, sql``)}) settled
    )`;
}

/** The bucket sums of `owed` rows, aged by days past due on `asOf`, named after their buckets. */
function bucketSums(asOf: string) {
  const late = sql`(${asOf}::date - due_date)`;
  const conditions: Record<AgingBucket, SQL> = {
    current: sql`${late} <= 0`,
    days1to30: sql`${late} between 1 and 30`,
    days31to60: sql`${late} between 31 and 60`,
    days61to90: sql`${late} between 61 and 90`,
    over90: sql`${late} > 90`,
  };
  return sql.join(
    agingBuckets.map(
      (bucket) =>
        sql`coalesce(sum(cents) filter (where ${conditions[bucket]}), 0) as ${sql.identifier(bucket)}`,
    ),
    sql`, `,
  );
}

/** One row per client and currency owing something on `asOf`: the bucket sums, no names. */
function agingByClient(visibility: SQL | undefined, asOf: string) {
  return sql`${owedAsOf(visibility, asOf)},
    aged as materialized (
      select client_id, currency, ${bucketSums(asOf)}
      from owed where cents > 0 group by client_id, currency
    )`;
}

type AgingSums = Record<AgingBucket, string | number>;

function agingAmounts(row: AgingSums): AgingAmounts {
  const amounts = emptyAging();
  for (const bucket of agingBuckets) {
    amounts[bucket] = Number(row[bucket]);
    amounts.total += amounts[bucket];
  }
  return amounts;
}

/**
 * What was owed on `asOf` per currency, aged by days past due, over every client the viewer sees;
 * `accounts` narrows it (the reports' owner, coordinator and client filters). The whole team's,
 * as of today or later, is read from the open balances' rollup.
 */
export async function getAgingTotals(
  viewer: CurrentUser,
  asOf: string,
  accounts?: SQL,
  today = todayUtc(),
) {
  assertCanRead(viewer);
  return agingTotalsOf(db, and(await visibleInvoices(viewer), accounts), asOf, today);
}

async function agingTotalsOf(
  executor: Executor,
  visibility: SQL | undefined,
  asOf: string,
  today = todayUtc(),
) {
  const rows = await executor.execute<AgingSums & { currency: string }>(
    agingTotalsQuery(visibility, asOf, today),
  );
  return rows.map((row) => ({ currency: row.currency, amounts: agingAmounts(row) }));
}

/** The statement of getAgingTotals for a visibility condition (the bench reads its plan). */
export function agingTotalsQuery(visibility: SQL | undefined, asOf: string, today = todayUtc()) {
  return visibility === undefined && asOf >= today
    ? sql`
      ${teamOwedAsOf(asOf)}
      select currency, ${bucketSums(asOf)} from owed
      group by currency having sum(cents) <> 0 order by currency`
    : sql`
      ${owedAsOf(visibility, asOf)}
      select currency, ${bucketSums(asOf)} from owed where cents > 0
      group by currency order by currency`;
}

/** The aging of every client owing something on `asOf`, and the totals per currency. */
export async function getAgingReport(viewer: CurrentUser, asOf: string) {
  assertCanRead(viewer);
  const rows = await db.execute<
    AgingSums & { client_id: string; client_name: string; currency: string }
  >(sql`
    ${agingByClient(await visibleInvoices(viewer), asOf)}
    select aged.*, ${clients.name} as client_name
    from aged join ${clients} on ${clients.id} = aged.client_id
    order by aged.currency, ${clients.name}, aged.client_id
  `);
  const clientsAging = rows.map((row) => ({
    clientId: row.client_id,
    clientName: row.client_name,
    currency: row.currency,
    amounts: agingAmounts(row),
  }));
  const totals = new Map<string, AgingAmounts>();
  for (const row of clientsAging) {
    const sum = totals.get(row.currency) ?? emptyAging();
    for (const bucket of agingBuckets) sum[bucket] += row.amounts[bucket];
    sum.total += row.amounts.total;
    totals.set(row.currency, sum);
  }
  return {
    asOf,
    clients: clientsAging,
    totals: [...totals.entries()].map(([currency, amounts]) => ({ currency, amounts })),
  };
}

export const agingPageSize = 50;

/**
 * One page of the aging report for its screen: the totals per currency over every client, and
 * `pageSize` clients (most owed past due first). Rendering every client with a balance made
 * the page tens of megabytes on the large seed; the CSV keeps them all.
 */
export async function getAgingPage(
  viewer: CurrentUser,
  asOf: string,
  page: number,
  pageSize = agingPageSize,
) {
  assertCanRead(viewer);
  const visibility = await visibleInvoices(viewer);
  const offset = (page - 1) * pageSize;
  // Clients owing something past due rank before all others, so while they fill the page it is
  // theirs alone: ranked from the invoices past due (a third of those owed on the large seed),
  // then aged for those clients only. A page reaching past them takes the one full statement.
  // Every read sees one snapshot, so an invoice paid meanwhile cannot leave a ranked client
  // without its sums, nor the rows, totals and count disagreeing.
  return db.transaction(
    async (tx) => {
      const ranked = await tx.execute<{ client_id: string; client_name: string; currency: string }>(
        overduePageQuery(visibility, asOf, offset, pageSize),
      );
      if (ranked.length < pageSize) {
        return { asOf, page, ...(await agingPageAtOnce(tx, visibility, asOf, offset, pageSize)) };
      }
      const onPage = inArray(invoices.clientId, [...new Set(ranked.map((row) => row.client_id))]);
      const [sums, totals, [owing]] = await Promise.all([
        tx.execute<AgingSums & { client_id: string; currency: string }>(
          sql`${agingByClient(and(visibility, onPage), asOf)} select * from aged`,
        ),
        // The report's totals: what it sums from the rollup equals the sum over the groups, as no
        // invoice owes less than nothing and each group owes something.
        agingTotalsOf(tx, visibility, asOf),
        // The pager's count of clients and currencies owing something: the groups without sums.
        tx.execute<{ groups: number }>(sql`
          ${owedAsOf(visibility, asOf)}
          select count(*)::int as groups
          from (select distinct client_id, currency from owed where cents > 0) owing`),
      ]);
      const pair = (row: { client_id: string; currency: string }) =>
        `${row.client_id} ${row.currency}`;
      const sumsOf = new Map(sums.map((row) => [pair(row), row]));
      return {
        asOf,
        page,
        clientCount: owing!.groups,
        clients: ranked.map((row) => ({
          clientId: row.client_id,
          clientName: row.client_name,
          currency: row.currency,
          amounts: agingAmounts(sumsOf.get(pair(row))!),
        })),
        totals,
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** The aging screen's order of `from`'s rows: most owed past due first, then currency and client. */
function agingScreenOrder(overdue: SQL, from: string) {
  const rows = sql.identifier(from);
  return sql`${overdue} desc, ${rows}.currency, ${clients.name}, ${rows}.client_id`;
}

/**
 * The clients and currencies on a page of the aging screen ranked by what they owed past due on
 * `asOf`, in its order; none unless those owing past due fill the page.
 */
function overduePageQuery(visibility: SQL | undefined, asOf: string, offset: number, size: number) {
  // The page's last one exists only when they fill it, and only the clients owing at least what
  // it owes past due can be on the page, so only their names are read for the order.
  return sql`
    ${owedAsOf(visibility, asOf)},
    past_due as (
      select client_id, currency, sum(cents) as overdue
      from owed where cents > 0 and due_date < ${asOf} group by client_id, currency
    ),
    least_on_page as (
      select overdue from past_due order by overdue desc offset ${offset + size - 1} limit 1
    )
    select past_due.client_id, ${clients.name} as client_name, past_due.currency
    from past_due join ${clients} on ${clients.id} = past_due.client_id
    where past_due.overdue >= (select overdue from least_on_page)
    order by ${agingScreenOrder(sql`past_due.overdue`, 'past_due')}
    limit ${size} offset ${offset}`;
}

/** A page of the aging screen and its totals from one aggregation of every client and currency. */
async function agingPageAtOnce(
  executor: Executor,
  visibility: SQL | undefined,
  asOf: string,
  offset: number,
  size: number,
) {
  const buckets = sql.raw(agingBuckets.map((bucket) => `"${bucket}"`).join(', '));
  const totalSums = sql.raw(
    agingBuckets.map((bucket) => `sum("${bucket}") as "${bucket}"`).join(', '),
  );
  const overdue = sql.raw(
    agingBuckets
      .filter((bucket) => bucket !== 'current')
      .map((bucket) => `"${bucket}"`)
      .join(' + '),
  );
  // One statement, so the aggregation runs once for the totals and the page: the totals rows
  // carry no client, the page rows follow them. Only the clients owing at least what the page's
  // last one owes past due can be on the page, so only their names are read for the order.
  const rows = await executor.execute<
    AgingSums & {
      client_id: string | null;
      client_name: string | null;
      currency: string;
      clients: number;
      position: number;
    }
  >(sql`
    ${agingByClient(visibility, asOf)},
    least_on_page as (
      select ${overdue} as overdue from aged
      order by ${overdue} desc offset ${offset + size - 1} limit 1
    )
    select null::uuid as client_id, null as client_name, currency, count(*)::int as clients,
      0 as position, ${totalSums}
    from aged group by currency
    union all
    (select aged.client_id, ${clients.name}, aged.currency, 1,
        row_number() over (order by ${agingScreenOrder(overdue, 'aged')}),
        ${buckets}
      from aged join ${clients} on ${clients.id} = aged.client_id
      where ${overdue} >= coalesce((select overdue from least_on_page), 0)
      order by ${agingScreenOrder(overdue, 'aged')}
      limit ${size} offset ${offset})
  `);
  rows.sort((a, b) => Number(a.position) - Number(b.position));
  const totals = rows.filter((row) => row.client_id === null);
  return {
    clientCount: totals.reduce((count, row) => count + row.clients, 0),
    clients: rows
      .filter((row) => row.client_id !== null)
      .map((row) => ({
        clientId: row.client_id!,
        clientName: row.client_name!,
        currency: row.currency,
        amounts: agingAmounts(row),
      })),
    totals: totals
      .sort((a, b) => a.currency.localeCompare(b.currency))
      .map((row) => ({ currency: row.currency, amounts: agingAmounts(row) })),
  };
}

export type AgingReport = Awaited<ReturnType<typeof getAgingReport>>;

/**
 * The aging report's rows as a CSV body written by PostgreSQL: one row per client and currency
 * owing something on `asOf`, in major units, in getAgingReport's order.
 */
export async function agingCsv(viewer: CurrentUser, asOf: string) {
  assertCanRead(viewer);
  const buckets = agingBuckets.map((bucket) => sql.identifier(bucket));
  const query = sql`
    ${agingByClient(await visibleInvoices(viewer), asOf)}
    select ${csvText(sql`${asOf}::text`)}, ${csvText(clients.name)}, ${csvText(sql`aged.currency`)},
      ${sql.join(
        buckets.map((bucket) => csvMoney(bucket)),
        sql`, `,
      )}, ${csvMoney(sql.join(buckets, sql` + `))}
    from aged join ${clients} on ${clients.id} = aged.client_id
    order by aged.currency, ${clients.name}, aged.client_id`;
  return copyCsv(
    [
      'As of',
      'Client',
      'Currency',
      ...agingBuckets.map((bucket) => agingBucketLabels[bucket]),
      'Total',
    ],
    { toSQL: () => new PgDialect().sqlToQuery(query) },
  );
}

/** Clients the viewer may draft an invoice for, by name. */
export async function findClientsForInvoice(viewer: CurrentUser, query: string) {
  if (!can(viewer, 'invoices.draft')) forbidden();
  return query.trim() ? findVisibleClients(viewer, query, 20) : [];
}

/** The client a new invoice is for, if the viewer sees it. */
export async function getClientForInvoice(viewer: CurrentUser, clientId: string) {
  if (!can(viewer, 'invoices.draft')) forbidden();
  const [client] = await db
    .select({ id: clients.id, name: clients.name, currency: clients.currency })
    .from(clients)
    .where(and(eq(clients.id, clientId), await visibleClients(viewer)));
  return client ?? null;
}

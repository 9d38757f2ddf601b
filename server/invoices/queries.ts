import 'server-only';
import { and, asc, desc, eq, gte, inArray, like, lt, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { forbidden, notFound } from 'next/navigation';
import { db } from '@/db/client';
import {
  clients,
  contracts,
  creditNotes,
  invoiceLines,
  invoices,
  payments,
  users,
} from '@/db/schema';
import {
  agingBuckets,
  computeInvoiceTotals,
  openInvoiceStatuses,
  type AgingBucket,
} from '@/lib/invoices';
import type { InvoiceListParams, InvoiceSort } from '@/lib/validation/invoices';
import { can } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';
import { findVisibleClients } from '@/server/clients/queries';
import { visibleClients } from '@/server/clients/visibility';
import { cappedCount, escapeLike, streamRows, type StreamedValue } from '@/server/sql';
import { todayUtc } from './commands';
import { getCompanyDetails, getInvoiceSettings } from './settings';
import { visibleInvoices } from './visibility';

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
    filters.push(inArray(invoices.status, [...openInvoiceStatuses]), lt(invoices.dueDate, today));
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

/** The invoices list in its order for a WHERE built by invoiceListWhere: a page, or an export. */
function invoiceListQuery(where: SQL | undefined, params: Pick<InvoiceListParams, 'sort' | 'dir'>) {
  const column = sortColumns[params.sort];
  const order =
    params.dir === 'desc'
      ? [sql`${column} desc nulls last`, desc(invoices.id)]
      : [sql`${column} asc nulls first`, asc(invoices.id)];
  return db
    .select(invoiceRowColumns)
    .from(invoices)
    .innerJoin(clients, eq(clients.id, invoices.clientId))
    .where(where)
    .orderBy(...order);
}

/** The page query of the invoices list for a WHERE built by invoiceListWhere. */
export function invoicePageQuery(where: SQL | undefined, params: InvoiceListParams) {
  return invoiceListQuery(where, params)
    .limit(params.size)
    .offset((params.page - 1) * params.size);
}

const invoiceExportFields = Object.keys(invoiceRowColumns) as (keyof typeof invoiceRowColumns)[];

/** Every invoice matching the list's filters and search, in its order, streamed for an export. */
export async function* streamInvoices(
  viewer: CurrentUser,
  params: Omit<InvoiceListParams, 'page' | 'size'>,
): AsyncGenerator<Record<keyof typeof invoiceRowColumns, StreamedValue>> {
  assertCanRead(viewer);
  const where = invoiceListWhere(await visibleInvoices(viewer), params);
  yield* streamRows(invoiceListQuery(where, params), invoiceExportFields);
}

/** A page of the invoices list with a capped total, and the filter's sums per currency. */
export async function listInvoices(viewer: CurrentUser, params: InvoiceListParams) {
  assertCanRead(viewer);
  const where = invoiceListWhere(await visibleInvoices(viewer), params);
  const [rows, counted, totals] = await Promise.all([
    invoicePageQuery(where, params),
    cappedCount(invoices, where),
    listTotalsByCurrency(where),
  ]);
  return { rows, totals, ...counted };
}

export type InvoiceListRow = Awaited<ReturnType<typeof listInvoices>>['rows'][number];

/** The filter's total and balance per currency (never added across currencies), void left out. */
async function listTotalsByCurrency(where: SQL | undefined) {
  const rows = await db
    .select({
      currency: invoices.currency,
      count: sql<number>`count(*)::int`,
      totalCents: sql<string>`sum(${invoices.totalCents})`,
      balanceCents: sql<string>`sum(${invoices.balanceCents})`,
    })
    .from(invoices)
    .where(and(where, ne(invoices.status, 'void')))
    .groupBy(invoices.currency)
    .orderBy(invoices.currency);
  return rows.map((row) => ({
    currency: row.currency,
    count: row.count,
    totalCents: Number(row.totalCents),
    balanceCents: Number(row.balanceCents),
  }));
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
 * What was owed as of `asOf`, aged by days past due: invoices issued by then and not void, less
 * the payments and credit notes dated by then, one row per client and currency, bucket sums in SQL.
 */
function agingByClient(visibility: SQL | undefined, asOf: string) {
  const paidBy = db
    .select({
      invoiceId: payments.invoiceId,
      cents: sql<string>`sum(${payments.amountCents})`.as('ledger_paid'),
    })
    .from(payments)
    .where(lte(payments.paidOn, asOf))
    .groupBy(payments.invoiceId)
    .as('paid_by');
  const creditedBy = db
    .select({
      invoiceId: creditNotes.invoiceId,
      cents: sql<string>`sum(${creditNotes.amountCents})`.as('ledger_credited'),
    })
    .from(creditNotes)
    .where(lte(creditNotes.issueDate, asOf))
    .groupBy(creditNotes.invoiceId)
    .as('credited_by');
  const owed = sql<string>`${invoices.totalCents} - coalesce(${paidBy.cents}, 0) - coalesce(${creditedBy.cents}, 0)`;
  const late = sql`(${asOf}::date - ${invoices.dueDate})`;
  const bucketSum = (condition: SQL, name: AgingBucket) =>
    sql<string>`coalesce(sum(${owed}) filter (where ${condition}), 0)`.as(name);
  return db
    .select({
      clientId: invoices.clientId,
      clientName: sql<string>`${clients.name}`.as('client_name'),
      currency: sql<string>`${invoices.currency}`.as('aged_currency'),
      current: bucketSum(sql`${late} <= 0`, 'current'),
      days1to30: bucketSum(sql`${late} between 1 and 30`, 'days1to30'),
      days31to60: bucketSum(sql`${late} between 31 and 60`, 'days31to60'),
      days61to90: bucketSum(sql`${late} between 61 and 90`, 'days61to90'),
      over90: bucketSum(sql`${late} > 90`, 'over90'),
    })
    .from(invoices)
    .innerJoin(clients, eq(clients.id, invoices.clientId))
    .leftJoin(paidBy, eq(paidBy.invoiceId, invoices.id))
    .leftJoin(creditedBy, eq(creditedBy.invoiceId, invoices.id))
    .where(
      and(
        visibility,
        lte(invoices.issueDate, asOf),
        sql`(${invoices.status} <> 'void' or ${invoices.voidedAt} > (${asOf}::date + 1))`,
        sql`${owed} > 0`,
      ),
    )
    .groupBy(invoices.clientId, clients.name, invoices.currency);
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
 * The aging of every client owing something on `asOf`, and the totals per currency. `accounts`
 * narrows it further (the reports' owner, coordinator and client filters).
 */
export async function getAgingReport(viewer: CurrentUser, asOf: string, accounts?: SQL) {
  assertCanRead(viewer);
  const rows = await agingByClient(and(await visibleInvoices(viewer), accounts), asOf).orderBy(
    invoices.currency,
    clients.name,
    invoices.clientId,
  );
  const clientsAging = rows.map((row) => ({
    clientId: row.clientId,
    clientName: row.clientName,
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
 * `agingPageSize` clients (most owed past due first). Rendering every client with a balance made
 * the page tens of megabytes on the large seed; the CSV keeps them all.
 */
export async function getAgingPage(viewer: CurrentUser, asOf: string, page: number) {
  assertCanRead(viewer);
  const byClient = agingByClient(await visibleInvoices(viewer), asOf);
  const buckets = sql.raw(agingBuckets.map((bucket) => `"${bucket}"`).join(', '));
  const bucketSums = sql.raw(
    agingBuckets.map((bucket) => `sum("${bucket}") as "${bucket}"`).join(', '),
  );
  const overdue = sql.raw(
    agingBuckets
      .filter((bucket) => bucket !== 'current')
      .map((bucket) => `"${bucket}"`)
      .join(' + '),
  );
  // One statement, so the aggregation runs once for the totals and the page: the totals rows
  // carry no client, the page rows follow them.
  const rows = await db.execute<
    AgingSums & {
      client_id: string | null;
      client_name: string | null;
      currency: string;
      clients: number;
      position: number;
    }
  >(sql`
    with aged as materialized (${byClient})
    select null::uuid as client_id, null as client_name, aged_currency as currency,
      count(*)::int as clients, 0 as position, ${bucketSums}
    from aged group by aged_currency
    union all
    (select client_id, client_name, aged_currency, 1,
        row_number() over (order by ${overdue} desc, aged_currency, client_name, client_id),
        ${buckets}
      from aged
      order by ${overdue} desc, aged_currency, client_name, client_id
      limit ${agingPageSize} offset ${(page - 1) * agingPageSize})
  `);
  rows.sort((a, b) => Number(a.position) - Number(b.position));
  const totals = rows.filter((row) => row.client_id === null);
  return {
    asOf,
    page,
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

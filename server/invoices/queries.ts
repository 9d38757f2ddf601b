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
import { cappedCount, escapeLike } from '@/server/sql';
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

/** The page query of the invoices list for a WHERE built by invoiceListWhere. */
export function invoicePageQuery(where: SQL | undefined, params: InvoiceListParams) {
  const column = sortColumns[params.sort];
  const order =
    params.dir === 'desc'
      ? [sql`${column} desc nulls last`, desc(invoices.id)]
      : [sql`${column} asc nulls first`, asc(invoices.id)];
  return db
    .select({
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
    })
    .from(invoices)
    .innerJoin(clients, eq(clients.id, invoices.clientId))
    .where(where)
    .orderBy(...order)
    .limit(params.size)
    .offset((params.page - 1) * params.size);
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
 * What was owed as of `asOf`, aged by days past due: invoices issued by then and not void,
 * less the payments and credit notes dated by then, per client and in total, per currency.
 * `accounts` narrows it further (the reports' owner, coordinator and client filters).
 */
export async function getAgingReport(viewer: CurrentUser, asOf: string, accounts?: SQL) {
  assertCanRead(viewer);
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
  // Buckets are summed in SQL, so the report reads one row per client and currency.
  const late = sql`(${asOf}::date - ${invoices.dueDate})`;
  const bucketSum = (condition: SQL) =>
    sql<string>`coalesce(sum(${owed}) filter (where ${condition}), 0)`;
  const rows = await db
    .select({
      clientId: invoices.clientId,
      clientName: clients.name,
      currency: invoices.currency,
      current: bucketSum(sql`${late} <= 0`),
      days1to30: bucketSum(sql`${late} between 1 and 30`),
      days31to60: bucketSum(sql`${late} between 31 and 60`),
      days61to90: bucketSum(sql`${late} between 61 and 90`),
      over90: bucketSum(sql`${late} > 90`),
    })
    .from(invoices)
    .innerJoin(clients, eq(clients.id, invoices.clientId))
    .leftJoin(paidBy, eq(paidBy.invoiceId, invoices.id))
    .leftJoin(creditedBy, eq(creditedBy.invoiceId, invoices.id))
    .where(
      and(
        await visibleInvoices(viewer),
        accounts,
        lte(invoices.issueDate, asOf),
        sql`(${invoices.status} <> 'void' or ${invoices.voidedAt} > (${asOf}::date + 1))`,
        sql`${owed} > 0`,
      ),
    )
    .groupBy(invoices.clientId, clients.name, invoices.currency)
    .orderBy(invoices.currency, clients.name, invoices.clientId);
  const clientsAging = rows.map((row) => {
    const amounts = emptyAging();
    for (const bucket of agingBuckets) {
      amounts[bucket] = Number(row[bucket]);
      amounts.total += amounts[bucket];
    }
    return { clientId: row.clientId, clientName: row.clientName, currency: row.currency, amounts };
  });
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

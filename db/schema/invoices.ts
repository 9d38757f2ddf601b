import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  customType,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { invoiceSeries, invoiceStatuses, paymentMethods, taxRoundings } from '../../lib/invoices';
import { clients } from './clients';
import { contracts } from './contracts';
import { users } from './users';
import { timestamps } from './timestamps';

export const invoiceStatusEnum = pgEnum('invoice_status', invoiceStatuses);
export const paymentMethodEnum = pgEnum('payment_method', paymentMethods);
export const invoiceSeriesEnum = pgEnum('invoice_series', invoiceSeries);
export const taxRoundingEnum = pgEnum('tax_rounding', taxRoundings);

/**
 * Invoices. The totals are computed from the lines when a draft is saved; `paid_cents` and
 * `credited_cents` are re-summed from their ledgers in every transaction that writes them, so
 * `balance_cents` is the ledger's answer, kept on the row for the list and the aging report.
 */
export const invoices = pgTable(
  'invoices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'restrict' }),
    /** The contract it was drafted from; the invoice outlives a deleted contract. */
    contractId: uuid('contract_id').references(() => contracts.id, { onDelete: 'set null' }),
    status: invoiceStatusEnum('status').notNull().default('draft'),
    /** Assigned when issued, from the year's counter: gapless, never reused. */
    number: varchar('number', { length: 40 }),
    numberYear: integer('number_year'),
    numberSequence: integer('number_sequence'),
    currency: char('currency', { length: 3 }).notNull(),
    issueDate: date('issue_date'),
    dueDate: date('due_date'),
    paymentTermsDays: integer('payment_terms_days').notNull(),
    poNumber: varchar('po_number', { length: 60 }),
    notes: text('notes'),
    /** The tax settings the totals were computed with, frozen on the invoice. */
    taxRounding: taxRoundingEnum('tax_rounding').notNull(),
    pricesIncludeTax: boolean('prices_include_tax').notNull(),
    subtotalCents: bigint('subtotal_cents', { mode: 'number' }).notNull().default(0),
    taxCents: bigint('tax_cents', { mode: 'number' }).notNull().default(0),
    totalCents: bigint('total_cents', { mode: 'number' }).notNull().default(0),
    paidCents: bigint('paid_cents', { mode: 'number' }).notNull().default(0),
    creditedCents: bigint('credited_cents', { mode: 'number' }).notNull().default(0),
    balanceCents: bigint('balance_cents', { mode: 'number' }).notNull().default(0),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    issuedById: uuid('issued_by_id').references(() => users.id, { onDelete: 'set null' }),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    voidReason: text('void_reason'),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('invoices_number_idx').on(table.number),
    uniqueIndex('invoices_series_sequence_idx').on(table.numberYear, table.numberSequence),
    // The list's sorts put nulls first ascending (last descending), as these indexes read either
    // way; the client id lets the visibility test run on the index alone.
    index('invoices_created_idx').on(table.createdAt.asc().nullsFirst(), table.id, table.clientId),
    index('invoices_status_created_idx').on(
      table.status,
      table.createdAt.asc().nullsFirst(),
      table.id,
    ),
    index('invoices_client_idx').on(table.clientId, table.createdAt, table.id),
    index('invoices_contract_idx').on(table.contractId),
    index('invoices_issue_date_idx').on(table.issueDate.asc().nullsFirst(), table.id),
    index('invoices_due_date_idx').on(table.dueDate.asc().nullsFirst(), table.id),
    index('invoices_total_idx').on(table.totalCents.asc().nullsFirst(), table.id),
    index('invoices_balance_idx').on(table.balanceCents.asc().nullsFirst(), table.id),
    index('invoices_open_due_idx')
      .on(table.dueDate, table.id)
      .where(sql`${table.status} in ('issued', 'partially_paid', 'overdue')`),
    // The overdue filter in the list's default order, tested on the index alone.
    index('invoices_open_created_idx')
      .on(table.createdAt.asc().nullsFirst(), table.id, table.dueDate, table.clientId)
      .where(sql`${table.status} in ('issued', 'partially_paid', 'overdue')`),
    // What an open invoice owes and when, for the aging report read from the index alone.
    index('invoices_open_aging_idx')
      .on(
        table.clientId,
        table.currency,
        table.dueDate,
        table.issueDate,
        table.totalCents,
        table.paidCents,
        table.creditedCents,
        table.id,
      )
      .where(sql`${table.status} in ('issued', 'partially_paid', 'overdue')`),
    // Voids the aging report as of an earlier date still counts.
    index('invoices_voided_idx')
      .on(table.voidedAt)
      .where(sql`${table.status} = 'void'`),
    // The aging report's invoiced amount per currency over a range of issue dates.
    index('invoices_issued_totals_idx')
      .on(table.issueDate, table.currency, table.totalCents, table.clientId)
      .where(sql`${table.status} not in ('draft', 'void')`),
    index('invoices_number_pattern_idx').using('btree', sql`${table.number} varchar_pattern_ops`),
  ],
);

export const invoiceLines = pgTable(
  'invoice_lines',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    description: varchar('description', { length: 500 }).notNull(),
    quantityMilli: bigint('quantity_milli', { mode: 'number' }).notNull(),
    unitPriceCents: bigint('unit_price_cents', { mode: 'number' }).notNull(),
    discountBasisPoints: integer('discount_basis_points').notNull().default(0),
    taxRateName: varchar('tax_rate_name', { length: 60 }).notNull(),
    taxRateBasisPoints: integer('tax_rate_basis_points').notNull(),
    /** Rounded once: net when the invoice's prices exclude tax, gross when they include it. */
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
  },
  (table) => [uniqueIndex('invoice_lines_position_idx').on(table.invoiceId, table.position)],
);

export const payments = pgTable(
  'payments',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'restrict' }),
    paidOn: date('paid_on').notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    method: paymentMethodEnum('method').notNull(),
    reference: varchar('reference', { length: 120 }),
    recordedById: uuid('recorded_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('payments_invoice_idx').on(table.invoiceId, table.paidOn),
    // The payments dated after an aging report's date, read from the index alone.
    index('payments_paid_on_idx').on(table.paidOn, table.invoiceId, table.amountCents),
  ],
);

/** A credit note against an issued invoice, numbered in its own gapless series. */
export const creditNotes = pgTable(
  'credit_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'restrict' }),
    number: varchar('number', { length: 40 }).notNull(),
    numberYear: integer('number_year').notNull(),
    numberSequence: integer('number_sequence').notNull(),
    issueDate: date('issue_date').notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    reason: text('reason').notNull(),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('credit_notes_number_idx').on(table.number),
    uniqueIndex('credit_notes_series_sequence_idx').on(table.numberYear, table.numberSequence),
    index('credit_notes_invoice_idx').on(table.invoiceId, table.createdAt),
    // The credit notes dated after an aging report's date, read from the index alone.
    index('credit_notes_issue_date_idx').on(table.issueDate, table.invoiceId, table.amountCents),
  ],
);

/**
 * The last number given in a series and year. The issuing transaction increments it with
 * `UPDATE … RETURNING`, which locks the row until commit: concurrent issues queue, and a rolled
 * back issue hands its number back.
 */
export const invoiceCounters = pgTable(
  'invoice_counters',
  {
    series: invoiceSeriesEnum('series').notNull(),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.series, table.year] })],
);

const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => 'bytea',
});

/** The company logo printed on invoices: one small image, its type sniffed from its bytes. */
export const companyLogos = pgTable('company_logos', {
  id: smallint('id').primaryKey().default(1),
  mediaType: varchar('media_type', { length: 40 }).notNull(),
  bytes: bytea('bytes').notNull(),
  updatedById: uuid('updated_by_id').references(() => users.id, { onDelete: 'set null' }),
  ...timestamps,
});

export type Invoice = typeof invoices.$inferSelect;
export type InvoiceLine = typeof invoiceLines.$inferSelect;

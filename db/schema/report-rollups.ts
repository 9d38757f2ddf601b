import { sql } from 'drizzle-orm';
import {
  bigint,
  char,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  unique,
  uuid,
  type PgColumn,
} from 'drizzle-orm/pg-core';
import { invoiceStatusEnum } from './invoices';

/**
 * Per-UTC-day sums the reports read instead of every row, per account owner and coordinator (as
 * the account is now: reassigning it moves its sums), so the whole team, an executive's book and a
 * coordinator's own numbers each read only their rollup rows. Kept exact in the writing
 * transaction by triggers (migration `report_rollups_by_account`); never written by the app. No
 * foreign keys: a user's removal moves the sums to "no owner" through the accounts' own update.
 */
function accountColumns() {
  return {
    day: date('day').notNull(),
    ownerId: uuid('owner_id'),
    coordinatorId: uuid('coordinator_id'),
  };
}

/**
 * A rollup's key (its day, account and `more`), unique with "no owner" and "no coordinator" as
 * values of their own, and its day ranges per owner and per coordinator.
 */
function accountIndexes(
  name: string,
  table: { day: PgColumn; ownerId: PgColumn; coordinatorId: PgColumn },
  ...more: PgColumn[]
) {
  return [
    unique(`${name}_key`)
      .on(table.day, table.ownerId, table.coordinatorId, ...more)
      .nullsNotDistinct(),
    index(`${name}_owner_idx`).on(table.ownerId, table.day),
    index(`${name}_coordinator_idx`).on(table.coordinatorId, table.day),
  ];
}

/** Proposals sent on each UTC day, and their summed seconds from draft to sent. */
export const proposalSentDays = pgTable(
  'proposal_sent_days',
  {
    ...accountColumns(),
    sent: integer('sent').notNull(),
    draftToSentSeconds: numeric('draft_to_sent_seconds').notNull(),
  },
  (table) => accountIndexes('proposal_sent_days', table),
);

/**
 * Reviews decided on each UTC day by whole hours under review (`ceil`, at least 0, at most the
 * review SLA's maximum + 1), so "on time" is exact for any allowed setting.
 */
export const proposalReviewDays = pgTable(
  'proposal_review_days',
  {
    ...accountColumns(),
    hours: integer('hours').notNull(),
    decided: integer('decided').notNull(),
    reviewSeconds: numeric('review_seconds').notNull(),
  },
  (table) => accountIndexes('proposal_review_days', table, table.hours),
);

/**
 * The same reviews for the whole team, per UTC day and whole hours under review, without the
 * accounts: a year of it is a few thousand rows where the per-account rollup holds one or two
 * reviews a row. A review never changes day or hours with its account, so only the reviews'
 * own writes move it.
 */
export const proposalReviewTeamDays = pgTable(
  'proposal_review_team_days',
  {
    day: date('day').notNull(),
    hours: integer('hours').notNull(),
    decided: integer('decided').notNull(),
    reviewSeconds: numeric('review_seconds').notNull(),
  },
  (table) => [primaryKey({ columns: [table.day, table.hours] })],
);

/**
 * Feedback routed on each UTC day (with a due time) and how much of it was acknowledged on time,
 * which does not depend on now. The rest is late unless still waiting: those unacknowledged and not
 * yet due are counted from their partial index.
 */
export const feedbackRoutedDays = pgTable(
  'feedback_routed_days',
  {
    ...accountColumns(),
    routed: integer('routed').notNull(),
    acknowledgedOnTime: integer('acknowledged_on_time').notNull(),
  },
  (table) => accountIndexes('feedback_routed_days', table),
);

/**
 * What the open invoices owe now, per currency and due date: the whole team's aging as of today or
 * later, read without the 40,000 open invoices of the large seed. Only the team's: an owner's,
 * coordinator's or client's invoices are few enough to read. Kept exact by a trigger on `invoices`
 * (migration `invoice_rollup_triggers`); a key no open invoice is due on any more is removed.
 */
export const invoiceOpenBalances = pgTable(
  'invoice_open_balances',
  {
    currency: char('currency', { length: 3 }).notNull(),
    dueDate: date('due_date').notNull(),
    invoices: integer('invoices').notNull(),
    balanceCents: bigint('balance_cents', { mode: 'number' }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.currency, table.dueDate] }),
    index('invoice_open_balances_empty_idx')
      .on(table.currency, table.dueDate)
      .where(sql`${table.invoices} = 0`),
  ],
);

/**
 * What the team invoiced per currency and issue date (issued invoices, void ones left out): the
 * reports' days sales outstanding over a year reads a row a day, not every invoice of the year.
 */
export const invoiceIssuedDays = pgTable(
  'invoice_issued_days',
  {
    currency: char('currency', { length: 3 }).notNull(),
    day: date('day').notNull(),
    invoices: integer('invoices').notNull(),
    totalCents: bigint('total_cents', { mode: 'number' }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.currency, table.day] }),
    index('invoice_issued_days_empty_idx')
      .on(table.currency, table.day)
      .where(sql`${table.invoices} = 0`),
  ],
);

/**
 * Every invoice's total and balance per currency and status: the invoices list's totals row for
 * the whole team, unfiltered or by status, without summing every invoice on each load.
 */
export const invoiceStatusTotals = pgTable(
  'invoice_status_totals',
  {
    currency: char('currency', { length: 3 }).notNull(),
    status: invoiceStatusEnum('status').notNull(),
    invoices: integer('invoices').notNull(),
    totalCents: bigint('total_cents', { mode: 'number' }).notNull(),
    balanceCents: bigint('balance_cents', { mode: 'number' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.currency, table.status] })],
);

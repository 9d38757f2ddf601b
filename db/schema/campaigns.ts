import { sql } from 'drizzle-orm';
import {
  bigint,
  char,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { budgetEntryKinds, campaignStatuses } from '../../lib/campaigns';
import { clients } from './clients';
import { deals } from './deals';
import { documents } from './documents';
import { invoiceLines } from './invoices';
import { meetings } from './meetings';
import { users } from './users';
import { timestamps } from './timestamps';

export const campaignStatusEnum = pgEnum('campaign_status', campaignStatuses);
export const budgetEntryKindEnum = pgEnum('budget_entry_kind', budgetEntryKinds);

/**
 * Campaigns. `committed_cents` and `spent_cents` are re-summed from the budget entries in every
 * transaction that writes an entry, so the list, its totals and the reports read them from the row
 * (never stale) instead of aggregating the entries per request.
 */
export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    name: varchar('name', { length: 200 }).notNull(),
    goal: text('goal').notNull().default(''),
    startDate: date('start_date'),
    endDate: date('end_date'),
    status: campaignStatusEnum('status').notNull().default('planned'),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    coordinatorId: uuid('coordinator_id').references(() => users.id, { onDelete: 'set null' }),
    currency: char('currency', { length: 3 }).notNull(),
    budgetPlannedCents: bigint('budget_planned_cents', { mode: 'number' }).notNull().default(0),
    committedCents: bigint('committed_cents', { mode: 'number' }).notNull().default(0),
    spentCents: bigint('spent_cents', { mode: 'number' }).notNull().default(0),
    /** Planned minus committed minus spent, kept by PostgreSQL so "over budget" has an index. */
    remainingCents: bigint('remaining_cents', { mode: 'number' }).generatedAlwaysAs(
      sql`budget_planned_cents - committed_cents - spent_cents`,
    ),
    /** The alert ledger: the highest share of the plan (90, 100) the owner was told of, or 0. */
    budgetAlertLevel: smallint('budget_alert_level').notNull().default(0),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (table) => [
    index('campaigns_client_idx').on(table.clientId, table.updatedAt, table.id),
    index('campaigns_updated_idx').on(table.updatedAt, table.id),
    index('campaigns_status_updated_idx').on(table.status, table.updatedAt, table.id),
    index('campaigns_owner_idx').on(table.ownerId, table.updatedAt, table.id),
    index('campaigns_coordinator_idx').on(table.coordinatorId, table.updatedAt, table.id),
    index('campaigns_name_idx').on(table.name, table.id),
    index('campaigns_start_date_idx').on(table.startDate, table.id),
    index('campaigns_end_date_idx').on(table.endDate, table.id),
    index('campaigns_planned_idx').on(table.budgetPlannedCents, table.id),
    index('campaigns_committed_idx').on(table.committedCents, table.id),
    index('campaigns_spent_idx').on(table.spentCents, table.id),
    index('campaigns_remaining_idx').on(table.remainingCents, table.id),
    index('campaigns_name_trgm_idx').using('gin', sql`${table.name} gin_trgm_ops`),
    check('campaigns_planned_not_negative', sql`${table.budgetPlannedCents} >= 0`),
  ],
);

/** A budget line of a campaign: money committed to or spent with a supplier. */
export const budgetEntries = pgTable(
  'budget_entries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    kind: budgetEntryKindEnum('kind').notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    entryDate: date('entry_date').notNull(),
    supplier: varchar('supplier', { length: 200 }),
    note: text('note'),
    /** The quote or receipt, filed on the campaign. */
    documentId: uuid('document_id').references(() => documents.id, { onDelete: 'set null' }),
    /** The invoice line the money was billed on, from one of the client's invoices. */
    invoiceLineId: bigint('invoice_line_id', { mode: 'number' }).references(() => invoiceLines.id, {
      onDelete: 'set null',
    }),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (table) => [
    index('budget_entries_campaign_idx').on(table.campaignId, table.entryDate, table.id),
    index('budget_entries_document_idx').on(table.documentId),
    index('budget_entries_invoice_line_idx').on(table.invoiceLineId),
    check('budget_entries_amount_positive', sql`${table.amountCents} > 0`),
  ],
);

/**
 * Deals a campaign serves. A link table rather than a column on deals: a campaign reaches several
 * deals and a deal can be worked by more than one campaign, and the deals table stays as it is.
 */
export const campaignDeals = pgTable(
  'campaign_deals',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    dealId: uuid('deal_id')
      .notNull()
      .references(() => deals.id, { onDelete: 'cascade' }),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.campaignId, table.dealId] }),
    index('campaign_deals_deal_idx').on(table.dealId),
  ],
);

/** Meetings held for a campaign (a kick-off, a review with the client), linked the same way. */
export const campaignMeetings = pgTable(
  'campaign_meetings',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.campaignId, table.meetingId] }),
    index('campaign_meetings_meeting_idx').on(table.meetingId),
  ],
);

export type Campaign = typeof campaigns.$inferSelect;
export type BudgetEntry = typeof budgetEntries.$inferSelect;

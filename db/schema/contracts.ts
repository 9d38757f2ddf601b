import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { contractReminderKinds, contractStatuses } from '../../lib/contracts';
import { clients } from './clients';
import { deals } from './deals';
import { documents } from './documents';
import { proposals } from './proposals';
import { users } from './users';
import { timestamps } from './timestamps';

export const contractStatusEnum = pgEnum('contract_status', contractStatuses);
export const contractReminderKindEnum = pgEnum('contract_reminder_kind', contractReminderKinds);

export const contracts = pgTable(
  'contracts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    proposalId: uuid('proposal_id').references(() => proposals.id, { onDelete: 'set null' }),
    title: varchar('title', { length: 200 }).notNull(),
    valueCents: bigint('value_cents', { mode: 'number' }).notNull().default(0),
    currency: char('currency', { length: 3 }).notNull().default('USD'),
    startDate: date('start_date'),
    endDate: date('end_date'),
    autoRenew: boolean('auto_renew').notNull().default(false),
    renewalTermMonths: integer('renewal_term_months').notNull().default(12),
    noticePeriodDays: integer('notice_period_days').notNull().default(30),
    /** End minus notice, kept by PostgreSQL so the "notice due within" filter has an index. */
    noticeDeadline: date('notice_deadline').generatedAlwaysAs(sql`end_date - notice_period_days`),
    /** Markdown with the template merge fields. */
    terms: text('terms').notNull().default(''),
    status: contractStatusEnum('status').notNull().default('draft'),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** The signed copy, filed as a document on this contract. */
    signedDocumentId: uuid('signed_document_id').references(() => documents.id, {
      onDelete: 'set null',
    }),
    signerName: varchar('signer_name', { length: 160 }),
    signedOn: date('signed_on'),
    signedById: uuid('signed_by_id').references(() => users.id, { onDelete: 'set null' }),
    terminatedAt: timestamp('terminated_at', { withTimezone: true }),
    terminationReason: text('termination_reason'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (table) => [
    index('contracts_client_idx').on(table.clientId, table.createdAt),
    index('contracts_proposal_idx').on(table.proposalId),
    // The bookings report's contract value signed per month.
    index('contracts_signed_on_idx')
      .on(table.signedOn, table.currency, table.valueCents, table.clientId)
      .where(sql`${table.signedOn} is not null`),
    // The list's sorts put nulls first ascending (last descending), as these indexes read either
    // way; the client id lets the visibility test run on the index alone.
    index('contracts_updated_idx').on(table.updatedAt.asc().nullsFirst(), table.id, table.clientId),
    index('contracts_status_updated_idx').on(
      table.status,
      table.updatedAt.asc().nullsFirst(),
      table.id,
    ),
    index('contracts_notice_deadline_idx').on(table.noticeDeadline.asc().nullsFirst(), table.id),
    index('contracts_end_date_idx').on(table.endDate),
    index('contracts_start_date_idx').on(table.startDate),
    index('contracts_title_trgm_idx').using('gin', sql`${table.title} gin_trgm_ops`),
    index('contracts_title_prefix_idx').using('btree', sql`lower(${table.title}) text_pattern_ops`),
  ],
);

/** Each extension of a contract's term, kept when the term is extended in place. */
export const contractRenewals = pgTable(
  'contract_renewals',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    previousEndDate: date('previous_end_date'),
    newEndDate: date('new_end_date').notNull(),
    /** Null when the daily job renewed an auto-renewing contract. */
    renewedById: uuid('renewed_by_id').references(() => users.id, { onDelete: 'set null' }),
    dealId: uuid('deal_id').references(() => deals.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('contract_renewals_contract_idx').on(table.contractId, table.createdAt)],
);

/**
 * The reminder ledger: one row per reminder sent, so each is sent once however often the job
 * runs. The due date is part of the key, so a renewed term gets its own reminders.
 */
export const contractReminders = pgTable(
  'contract_reminders',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    kind: contractReminderKindEnum('kind').notNull(),
    dueDate: date('due_date').notNull(),
    daysBefore: integer('days_before').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('contract_reminders_once_idx').on(
      table.contractId,
      table.kind,
      table.dueDate,
      table.daysBefore,
    ),
  ],
);

export type Contract = typeof contracts.$inferSelect;

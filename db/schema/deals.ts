import { sql } from 'drizzle-orm';
import {
  bigint,
  char,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { clients } from './clients';
import { users } from './users';
import { timestamps } from './timestamps';
import { dealStages } from '../../lib/deals';

export const dealStageEnum = pgEnum('deal_stage', dealStages);

/** The pipeline: one opportunity with a client, moved through stages. */
export const deals = pgTable(
  'deals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    name: varchar('name', { length: 200 }).notNull(),
    stage: dealStageEnum('stage').notNull().default('lead'),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull().default(0),
    currency: char('currency', { length: 3 }).notNull().default('USD'),
    probability: integer('probability').notNull(),
    expectedClose: date('expected_close'),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    coordinatorId: uuid('coordinator_id').references(() => users.id, { onDelete: 'set null' }),
    lostReason: text('lost_reason'),
    stageChangedAt: timestamp('stage_changed_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (table) => [
    index('deals_client_idx').on(table.clientId, table.createdAt),
    index('deals_name_idx').on(table.name, table.id),
    index('deals_stage_close_idx').on(table.stage, table.expectedClose, table.id),
    // Covers the dashboard's sums per stage, so they are an index-only scan, not a scan of deals.
    index('deals_stage_amount_idx').on(
      table.stage,
      table.currency,
      table.amountCents,
      table.probability,
    ),
    index('deals_owner_idx').on(table.ownerId, table.stage, table.expectedClose),
    // The same sums for one executive's book, index-only too.
    index('deals_owner_amount_idx').on(
      table.ownerId,
      table.stage,
      table.currency,
      table.amountCents,
      table.probability,
    ),
    index('deals_coordinator_idx').on(table.coordinatorId, table.stage),
    index('deals_close_idx').on(table.expectedClose, table.id),
    index('deals_amount_idx').on(table.amountCents, table.id),
    index('deals_updated_idx').on(table.updatedAt, table.id),
    // The bookings and win-rate reports' closed deals per month, read from the index alone.
    index('deals_closed_idx')
      .on(
        table.closedAt,
        table.stage,
        table.currency,
        table.amountCents,
        table.createdAt,
        table.ownerId,
        table.coordinatorId,
        table.clientId,
      )
      .where(sql`${table.closedAt} is not null`),
    index('deals_name_trgm_idx').using('gin', sql`${table.name} gin_trgm_ops`),
    // The pipeline table's weighted sort (amount × probability orders like the rounded weighted value).
    index('deals_weighted_idx').on(sql`(${table.amountCents} * ${table.probability})`, table.id),
  ],
);

/** Every stage change of a deal: who, when, from, to. */
export const dealStageChanges = pgTable(
  'deal_stage_changes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    dealId: uuid('deal_id')
      .notNull()
      .references(() => deals.id, { onDelete: 'cascade' }),
    fromStage: dealStageEnum('from_stage'),
    toStage: dealStageEnum('to_stage').notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('deal_stage_changes_deal_idx').on(table.dealId, table.changedAt)],
);

export type Deal = typeof deals.$inferSelect;
export type NewDeal = typeof deals.$inferInsert;
export type DealStage = (typeof dealStageEnum.enumValues)[number];

import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { materialKinds, materialStatuses } from '../../lib/materials';
import { campaigns } from './campaigns';
import { clients } from './clients';
import { deals } from './deals';
import { meetings } from './meetings';
import { proposals } from './proposals';
import { users } from './users';
import { timestamps } from './timestamps';

export const materialKindEnum = pgEnum('material_kind', materialKinds);
export const materialStatusEnum = pgEnum('material_status', materialStatuses);

/**
 * A request for a promotional material for a client (and optionally one of its deals), produced by
 * its assignee and approved by a reviewer. Its files are documents filed on it. Its deal and its
 * campaign, when set, belong to the same client.
 */
export const materials = pgTable(
  'materials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    dealId: uuid('deal_id').references(() => deals.id, { onDelete: 'set null' }),
    campaignId: uuid('campaign_id').references(() => campaigns.id, { onDelete: 'set null' }),
    kind: materialKindEnum('kind').notNull(),
    title: varchar('title', { length: 200 }).notNull(),
    brief: text('brief').notNull().default(''),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    status: materialStatusEnum('status').notNull().default('requested'),
    requestedById: uuid('requested_by_id').references(() => users.id, { onDelete: 'set null' }),
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    dueDate: date('due_date'),
    readyAt: timestamp('ready_at', { withTimezone: true }),
    approvedById: uuid('approved_by_id').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (table) => [
    index('materials_updated_idx').on(table.updatedAt.desc(), table.id.desc()),
    index('materials_client_idx').on(table.clientId, table.updatedAt),
    index('materials_deal_idx')
      .on(table.dealId)
      .where(sql`${table.dealId} is not null`),
    index('materials_campaign_idx')
      .on(table.campaignId, table.updatedAt, table.id)
      .where(sql`${table.campaignId} is not null`),
    index('materials_assignee_due_idx').on(table.assigneeId, table.status, table.dueDate),
    index('materials_status_due_idx').on(table.status, table.dueDate, table.id),
    // The library: ready materials, newest first.
    index('materials_ready_idx')
      .on(table.readyAt.desc(), table.id.desc())
      .where(sql`${table.status} = 'ready'`),
    index('materials_tags_idx').using('gin', table.tags),
    index('materials_title_trgm_idx').using('gin', sql`${table.title} gin_trgm_ops`),
    index('materials_title_prefix_idx').using('btree', sql`lower(${table.title}) text_pattern_ops`),
    index('materials_brief_trgm_idx').using('gin', sql`${table.brief} gin_trgm_ops`),
  ],
);

/** Every status change of a material, with who made it and why (a send-back always says why). */
export const materialStatusChanges = pgTable(
  'material_status_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    materialId: uuid('material_id')
      .notNull()
      .references(() => materials.id, { onDelete: 'cascade' }),
    fromStatus: materialStatusEnum('from_status'),
    toStatus: materialStatusEnum('to_status').notNull(),
    comment: text('comment'),
    changedById: uuid('changed_by_id').references(() => users.id, { onDelete: 'set null' }),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('material_status_changes_material_idx').on(table.materialId, table.changedAt)],
);

/** A ready material attached to a proposal: the client downloads it from the share link. */
export const proposalMaterials = pgTable(
  'proposal_materials',
  {
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    materialId: uuid('material_id')
      .notNull()
      .references(() => materials.id, { onDelete: 'cascade' }),
    attachedById: uuid('attached_by_id').references(() => users.id, { onDelete: 'set null' }),
    attachedAt: timestamp('attached_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.proposalId, table.materialId] }),
    index('proposal_materials_material_idx').on(table.materialId),
  ],
);

/** A ready material attached to a meeting (shown or handed out there). */
export const meetingMaterials = pgTable(
  'meeting_materials',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    materialId: uuid('material_id')
      .notNull()
      .references(() => materials.id, { onDelete: 'cascade' }),
    attachedById: uuid('attached_by_id').references(() => users.id, { onDelete: 'set null' }),
    attachedAt: timestamp('attached_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.meetingId, table.materialId] }),
    index('meeting_materials_material_idx').on(table.materialId),
  ],
);

export type Material = typeof materials.$inferSelect;
export type NewMaterial = typeof materials.$inferInsert;

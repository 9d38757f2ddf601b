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
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { clients } from './clients';
import { deals } from './deals';
import { users } from './users';
import { timestamps } from './timestamps';
import { proposalStatuses, reviewDecisions } from '../../lib/proposals';
import { templateStatuses } from '../../lib/templates';

export const templateStatusEnum = pgEnum('template_status', templateStatuses);

/**
 * A proposal template: the working copy people edit (`body`, `version` for optimistic
 * concurrency) and, once published, the frozen versions in `proposal_template_versions`.
 */
export const proposalTemplates = pgTable(
  'proposal_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: varchar('name', { length: 160 }).notNull(),
    category: varchar('category', { length: 80 }),
    body: text('body').notNull(),
    status: templateStatusEnum('status').notNull().default('draft'),
    publishedVersion: integer('published_version'),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (table) => [
    index('proposal_templates_status_idx').on(table.status, table.name),
    uniqueIndex('proposal_templates_name_lower_idx').on(sql`lower(${table.name})`),
  ],
);

/** Each published state of a template, kept for good. */
export const proposalTemplateVersions = pgTable(
  'proposal_template_versions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    templateId: uuid('template_id')
      .notNull()
      .references(() => proposalTemplates.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    name: varchar('name', { length: 160 }).notNull(),
    body: text('body').notNull(),
    publishedById: uuid('published_by_id').references(() => users.id, { onDelete: 'set null' }),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('proposal_template_versions_number_idx').on(table.templateId, table.number),
  ],
);

export const proposalStatusEnum = pgEnum('proposal_status', proposalStatuses);

export const proposals = pgTable(
  'proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    dealId: uuid('deal_id').references(() => deals.id, { onDelete: 'set null' }),
    templateId: uuid('template_id').references(() => proposalTemplates.id, {
      onDelete: 'set null',
    }),
    title: varchar('title', { length: 200 }).notNull(),
    body: text('body').notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull().default(0),
    currency: char('currency', { length: 3 }).notNull().default('USD'),
    validUntil: date('valid_until'),
    status: proposalStatusEnum('status').notNull().default('draft'),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    reviewerId: uuid('reviewer_id').references(() => users.id, { onDelete: 'set null' }),
    /** Set when an overdue review is escalated: this user may then decide it too. */
    backupReviewerId: uuid('backup_reviewer_id').references(() => users.id, {
      onDelete: 'set null',
    }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reviewDueAt: timestamp('review_due_at', { withTimezone: true }),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /**
     * SHA-256 (hex) of the client share link's secret, which is shown once and never stored; null
     * when no link was made or it was revoked.
     */
    shareTokenHash: varchar('share_token_hash', { length: 64 }),
    shareLinkCreatedAt: timestamp('share_link_created_at', { withTimezone: true }),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    responderName: varchar('responder_name', { length: 160 }),
    responseComment: text('response_comment'),
    /** How many versions were snapshotted (one per submission, or on sending without review). */
    versionCount: integer('version_count').notNull().default(0),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (table) => [
    index('proposals_client_idx').on(table.clientId, table.createdAt),
    index('proposals_deal_idx').on(table.dealId),
    // The turnaround report's proposals sent per month.
    index('proposals_sent_idx')
      .on(table.sentAt, table.createdAt, table.clientId)
      .where(sql`${table.sentAt} is not null`),
    // The list's sorts put nulls first ascending (last descending), as these indexes read either
    // way; the client id lets the visibility test run on the index alone.
    index('proposals_status_updated_idx').on(
      table.status,
      table.updatedAt.asc().nullsFirst(),
      table.id,
    ),
    index('proposals_updated_idx').on(table.updatedAt.asc().nullsFirst(), table.id, table.clientId),
    index('proposals_author_idx').on(table.authorId, table.status, table.updatedAt),
    // What an executive's book tests of each reviewed proposal, read from the index alone.
    index('proposals_book_idx').on(table.id, table.clientId, table.reviewerId),
    index('proposals_review_queue_idx')
      .on(table.reviewerId, table.reviewDueAt)
      .where(sql`${table.status} = 'in_review'`),
    index('proposals_review_due_idx')
      .on(table.reviewDueAt)
      .where(sql`${table.status} = 'in_review'`),
    uniqueIndex('proposals_share_token_hash_idx').on(table.shareTokenHash),
    index('proposals_title_trgm_idx').using('gin', sql`${table.title} gin_trgm_ops`),
    index('proposals_title_prefix_idx').using('btree', sql`lower(${table.title}) text_pattern_ops`),
  ],
);

/** What was submitted: a frozen copy per submission. */
export const proposalVersions = pgTable(
  'proposal_versions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    title: varchar('title', { length: 200 }).notNull(),
    body: text('body').notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    validUntil: date('valid_until'),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('proposal_versions_number_idx').on(table.proposalId, table.number)],
);

export const reviewDecisionEnum = pgEnum('review_decision', reviewDecisions);

export const proposalReviews = pgTable(
  'proposal_reviews',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    versionNumber: integer('version_number').notNull(),
    reviewerId: uuid('reviewer_id').references(() => users.id, { onDelete: 'set null' }),
    decision: reviewDecisionEnum('decision').notNull(),
    comment: text('comment'),
    /** Time from submission to this decision, kept for turnaround reports. */
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('proposal_reviews_proposal_idx').on(table.proposalId, table.createdAt),
    // The turnaround report's reviews per month, read from the index alone.
    index('proposal_reviews_created_idx').on(table.createdAt, table.submittedAt, table.proposalId),
  ],
);

/**
 * Each request for the share link, up to a cap per proposal (`proposal_view_totals` counts them
 * all). `real_view` is set when the page reported back from the browser that it was shown; link
 * previews and scanners never do. The address is kept only as a salted hash.
 */
export const proposalViews = pgTable(
  'proposal_views',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    ipHash: varchar('ip_hash', { length: 64 }),
    userAgent: varchar('user_agent', { length: 400 }),
    realView: boolean('real_view').notNull().default(false),
    viewedAt: timestamp('viewed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('proposal_views_proposal_idx').on(table.proposalId, table.viewedAt)],
);

/** Per proposal: every request for its share link, and how many were real views by the client. */
export const proposalViewTotals = pgTable('proposal_view_totals', {
  proposalId: uuid('proposal_id')
    .primaryKey()
    .references(() => proposals.id, { onDelete: 'cascade' }),
  requests: integer('requests').notNull().default(0),
  views: integer('views').notNull().default(0),
  lastViewedAt: timestamp('last_viewed_at', { withTimezone: true }),
});

/**
 * Fixed-window counters of the share link rate limit, shared by every app instance: one row per
 * bucket (a client address's guesses, or one link's requests) and window.
 */
export const shareLinkRateLimits = pgTable(
  'share_link_rate_limits',
  {
    bucket: varchar('bucket', { length: 80 }).notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    hits: integer('hits').notNull().default(0),
  },
  (table) => [
    primaryKey({ columns: [table.bucket, table.windowStart] }),
    index('share_link_rate_limits_window_idx').on(table.windowStart),
  ],
);

export type ProposalTemplate = typeof proposalTemplates.$inferSelect;
export type TemplateStatus = (typeof templateStatusEnum.enumValues)[number];
export type Proposal = typeof proposals.$inferSelect;
export type NewProposal = typeof proposals.$inferInsert;
export type ProposalStatus = (typeof proposalStatusEnum.enumValues)[number];
export type ReviewDecision = (typeof reviewDecisionEnum.enumValues)[number];

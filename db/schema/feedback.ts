import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { feedbackChannels, feedbackSentiments, feedbackStatuses } from '../../lib/feedback';
import { clients, contacts } from './clients';
import { meetings } from './meetings';
import { users } from './users';
import { timestamps } from './timestamps';

export const feedbackChannelEnum = pgEnum('feedback_channel', feedbackChannels);
export const feedbackSentimentEnum = pgEnum('feedback_sentiment', feedbackSentiments);
export const feedbackStatusEnum = pgEnum('feedback_status', feedbackStatuses);

/**
 * What a client told the team, routed to someone who answers it within the SLA of its sentiment.
 * `next_due_at` is when its current step is due (acknowledging while routed, resolving once
 * acknowledged), so "overdue" is one indexed comparison.
 */
export const feedback = pgTable(
  'feedback',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    // The meeting it was heard in.
    meetingId: uuid('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
    channel: feedbackChannelEnum('channel').notNull(),
    sentiment: feedbackSentimentEnum('sentiment').notNull(),
    category: varchar('category', { length: 80 }),
    body: text('body').notNull(),
    status: feedbackStatusEnum('status').notNull().default('new'),
    loggedById: uuid('logged_by_id').references(() => users.id, { onDelete: 'set null' }),
    routedToId: uuid('routed_to_id').references(() => users.id, { onDelete: 'set null' }),
    routedAt: timestamp('routed_at', { withTimezone: true }),
    acknowledgeDueAt: timestamp('acknowledge_due_at', { withTimezone: true }),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    resolveDueAt: timestamp('resolve_due_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedById: uuid('resolved_by_id').references(() => users.id, { onDelete: 'set null' }),
    resolution: text('resolution'),
    nextDueAt: timestamp('next_due_at', { withTimezone: true }),
    /** Set once, when the overdue item was escalated to the managers. */
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (table) => [
    index('feedback_client_idx').on(table.clientId, table.createdAt.desc()),
    index('feedback_created_idx').on(table.createdAt.desc(), table.id.desc()),
    index('feedback_routed_to_idx').on(table.routedToId, table.status, table.nextDueAt),
    index('feedback_open_due_idx')
      .on(table.nextDueAt, table.id)
      .where(sql`${table.status} <> 'resolved'`),
    index('feedback_escalation_idx')
      .on(table.nextDueAt)
      .where(sql`${table.status} <> 'resolved' and ${table.escalatedAt} is null`),
    // The feedback SLA report's months and the manager's home figure of the last 30 days, both
    // read from the index alone: the figure's month is a third of the large seed's feedback.
    index('feedback_routed_at_idx').on(
      table.routedAt,
      table.acknowledgeDueAt,
      table.acknowledgedAt,
      table.clientId,
      table.resolveDueAt,
      table.resolvedAt,
    ),
    // The change marker of the home's SLA figure (server/feedback/queries.ts): the newest write.
    index('feedback_updated_idx').on(table.updatedAt),
    // The now-dependent part of the whole-team feedback SLA report: unacknowledged and not yet
    // due, a few rows at any time, where those past due grow with every day.
    index('feedback_unacknowledged_due_idx')
      .on(table.acknowledgeDueAt, table.routedAt)
      .where(
        sql`${table.acknowledgedAt} is null and ${table.routedAt} is not null and ${table.acknowledgeDueAt} is not null`,
      ),
  ],
);

export type Feedback = typeof feedback.$inferSelect;
export type NewFeedback = typeof feedback.$inferInsert;

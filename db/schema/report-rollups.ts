import { date, integer, numeric, pgTable, primaryKey } from 'drizzle-orm/pg-core';

/**
 * Per-UTC-day sums the whole-team reports read instead of every row, kept exact in the writing
 * transaction by triggers (migration `report_rollup_triggers`); never written by the app.
 */

/** Proposals sent on each UTC day, and their summed seconds from draft to sent. */
export const proposalSentDays = pgTable('proposal_sent_days', {
  day: date('day').primaryKey(),
  sent: integer('sent').notNull(),
  draftToSentSeconds: numeric('draft_to_sent_seconds').notNull(),
});

/**
 * Reviews decided on each UTC day by whole hours under review (`ceil`, at least 0, at most the
 * review SLA's maximum + 1), so "on time" is exact for any allowed setting.
 */
export const proposalReviewDays = pgTable(
  'proposal_review_days',
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
export const feedbackRoutedDays = pgTable('feedback_routed_days', {
  day: date('day').primaryKey(),
  routed: integer('routed').notNull(),
  acknowledgedOnTime: integer('acknowledged_on_time').notNull(),
});

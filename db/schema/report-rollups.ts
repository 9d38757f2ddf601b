import { date, index, integer, numeric, pgTable, unique, uuid } from 'drizzle-orm/pg-core';

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

/** Proposals sent on each UTC day, and their summed seconds from draft to sent. */
export const proposalSentDays = pgTable(
  'proposal_sent_days',
  {
    ...accountColumns(),
    sent: integer('sent').notNull(),
    draftToSentSeconds: numeric('draft_to_sent_seconds').notNull(),
  },
  (table) => [
    unique('proposal_sent_days_key')
      .on(table.day, table.ownerId, table.coordinatorId)
      .nullsNotDistinct(),
    index('proposal_sent_days_owner_idx').on(table.ownerId, table.day),
    index('proposal_sent_days_coordinator_idx').on(table.coordinatorId, table.day),
  ],
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
  (table) => [
    unique('proposal_review_days_key')
      .on(table.day, table.ownerId, table.coordinatorId, table.hours)
      .nullsNotDistinct(),
    index('proposal_review_days_owner_idx').on(table.ownerId, table.day),
    index('proposal_review_days_coordinator_idx').on(table.coordinatorId, table.day),
  ],
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
  (table) => [
    unique('feedback_routed_days_key')
      .on(table.day, table.ownerId, table.coordinatorId)
      .nullsNotDistinct(),
    index('feedback_routed_days_owner_idx').on(table.ownerId, table.day),
    index('feedback_routed_days_coordinator_idx').on(table.coordinatorId, table.day),
  ],
);

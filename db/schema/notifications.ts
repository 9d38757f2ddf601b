import { sql } from 'drizzle-orm';
import {
  bigint,
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

export const notificationKindEnum = pgEnum('notification_kind', [
  'review_requested',
  'proposal_approved',
  'changes_requested',
  'proposal_rejected',
  'review_escalated',
  'proposal_viewed',
  'proposal_accepted',
  'proposal_declined',
  'review_reassigned',
  'invoice_overdue',
]);

/**
 * Where a notification's e-mail is: `pending` until the dispatcher gives it a delivery job,
 * `queued` while that job runs and retries, then `sent`, `skipped` (the recipient is deactivated or
 * no longer sees the account) or `failed` (retries used up; a manager can queue it again).
 */
export const notificationEmailStatusEnum = pgEnum('notification_email_status', [
  'pending',
  'queued',
  'sent',
  'skipped',
  'failed',
]);

/** In-app notifications, one row per recipient; e-mail delivery is tracked on the same row. */
export const notifications = pgTable(
  'notifications',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: notificationKindEnum('kind').notNull(),
    title: varchar('title', { length: 200 }).notNull(),
    body: text('body'),
    /** An in-app path such as `/proposals/<id>`. */
    href: varchar('href', { length: 300 }).notNull(),
    /**
     * The account the notification is about, if any: under `assigned` record visibility it is
     * shown (and e-mailed) only to users who see that account.
     */
    clientId: uuid('client_id').references(() => clients.id, { onDelete: 'cascade' }),
    readAt: timestamp('read_at', { withTimezone: true }),
    /** When the e-mail was settled: sent, skipped or failed. */
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
    emailStatus: notificationEmailStatusEnum('email_status').notNull().default('pending'),
    /** The pg-boss job that delivers it; a job whose id is not this one does nothing. */
    emailJobId: uuid('email_job_id'),
    emailAttempts: integer('email_attempts').notNull().default(0),
    /** The mail server's answer to the last failed attempt. */
    emailError: varchar('email_error', { length: 500 }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('notifications_user_idx').on(table.userId, table.createdAt.desc()),
    index('notifications_unread_idx')
      .on(table.userId)
      .where(sql`${table.readAt} is null`),
    // The dispatcher looks for these every minute; the rows it has queued drop out of the index.
    index('notifications_email_pending_idx')
      .on(table.id)
      .where(sql`${table.emailStatus} = 'pending'`),
    index('notifications_email_failed_idx')
      .on(table.emailedAt.desc())
      .where(sql`${table.emailStatus} = 'failed'`),
    index('notifications_client_idx').on(table.clientId),
  ],
);

export type Notification = typeof notifications.$inferSelect;
export type NotificationKind = (typeof notificationKindEnum.enumValues)[number];
export type NotificationEmailStatus = (typeof notificationEmailStatusEnum.enumValues)[number];

import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
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
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('notifications_user_idx').on(table.userId, table.createdAt.desc()),
    index('notifications_unread_idx')
      .on(table.userId)
      .where(sql`${table.readAt} is null`),
    // The e-mail job looks for these every minute; the rows it has sent drop out of the index.
    index('notifications_unemailed_idx')
      .on(table.id)
      .where(sql`${table.emailedAt} is null`),
    index('notifications_client_idx').on(table.clientId),
  ],
);

export type Notification = typeof notifications.$inferSelect;
export type NotificationKind = (typeof notificationKindEnum.enumValues)[number];

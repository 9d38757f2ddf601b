import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  time,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { meetingKinds, meetingStatuses, recurrenceFrequencies } from '../../lib/meetings';
import { clients, contacts } from './clients';
import { deals } from './deals';
import { notifications } from './notifications';
import { users } from './users';
import { timestamps } from './timestamps';

export const meetingKindEnum = pgEnum('meeting_kind', meetingKinds);
export const meetingStatusEnum = pgEnum('meeting_status', meetingStatuses);
export const recurrenceFrequencyEnum = pgEnum('recurrence_frequency', recurrenceFrequencies);

/** How a recurring meeting repeats, in its organiser's time zone; each occurrence is a meeting row. */
export const meetingSeries = pgTable('meeting_series', {
  id: uuid('id').primaryKey().defaultRandom(),
  frequency: recurrenceFrequencyEnum('frequency').notNull(),
  interval: smallint('interval').notNull().default(1),
  // ISO weekdays for weekly series: 1 is Monday, 7 is Sunday.
  weekdays: smallint('weekdays').array(),
  untilDate: date('until_date'),
  count: smallint('count'),
  timeZone: varchar('time_zone', { length: 64 }).notNull(),
  startTime: time('start_time').notNull(),
  durationMinutes: integer('duration_minutes').notNull(),
  ...timestamps,
});

export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seriesId: uuid('series_id').references(() => meetingSeries.id, { onDelete: 'set null' }),
    kind: meetingKindEnum('kind').notNull().default('meeting'),
    title: varchar('title', { length: 200 }).notNull(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    dealId: uuid('deal_id').references(() => deals.id, { onDelete: 'set null' }),
    organizerId: uuid('organizer_id').references(() => users.id, { onDelete: 'set null' }),
    // The organiser's zone: the meeting's local times (and recurrence) are read in it.
    timeZone: varchar('time_zone', { length: 64 }).notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    location: varchar('location', { length: 200 }),
    videoUrl: varchar('video_url', { length: 500 }),
    agenda: text('agenda'),
    status: meetingStatusEnum('status').notNull().default('scheduled'),
    outcomeNotes: text('outcome_notes'),
    // Raised on every change that attendees' calendars must pick up (iCalendar SEQUENCE).
    sequence: integer('sequence').notNull().default(0),
    // Set when the organiser saved on purpose over another meeting of an attendee.
    overlapAcknowledgedAt: timestamp('overlap_acknowledged_at', { withTimezone: true }),
    overlapAcknowledgedBy: uuid('overlap_acknowledged_by').references(() => users.id, {
      onDelete: 'set null',
    }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (table) => [
    index('meetings_starts_idx').on(table.startsAt, table.id),
    index('meetings_client_idx').on(table.clientId, table.startsAt),
    index('meetings_series_idx')
      .on(table.seriesId, table.startsAt)
      .where(sql`${table.seriesId} is not null`),
    index('meetings_deal_idx')
      .on(table.dealId)
      .where(sql`${table.dealId} is not null`),
  ],
);

/**
 * Internal attendees. The meeting's times and status are copied onto each row, so a person's
 * calendar and their busy times read one index range instead of joining every meeting. Every
 * write of a meeting's times must copy them here: the calendar feed cuts each index range at
 * its limit by these times and trusts them to order as the meetings' own.
 */
export const meetingAttendees = pgTable(
  'meeting_attendees',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    // Whether the meeting still takes the person's time: scheduled, not cancelled or completed.
    busy: boolean('busy').notNull().default(true),
  },
  (table) => [
    primaryKey({ columns: [table.meetingId, table.userId] }),
    index('meeting_attendees_user_idx').on(table.userId, table.startsAt, table.endsAt),
  ],
);

/** Client attendees: the client's contacts. */
export const meetingContacts = pgTable(
  'meeting_contacts',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
  },
  (table) => [
    primaryKey({ columns: [table.meetingId, table.contactId] }),
    index('meeting_contacts_contact_idx').on(table.contactId),
  ],
);

/** A user's secret calendar subscription: only the token's hash is kept; revoking deletes the row. */
export const calendarFeeds = pgTable('calendar_feeds', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: varchar('token_hash', { length: 64 }).notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Files an e-mail notification carries, e.g. a meeting invitation's `.ics`, kept as sent. */
export const notificationAttachments = pgTable(
  'notification_attachments',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    notificationId: bigint('notification_id', { mode: 'number' })
      .notNull()
      .references(() => notifications.id, { onDelete: 'cascade' }),
    filename: varchar('filename', { length: 200 }).notNull(),
    contentType: varchar('content_type', { length: 100 }).notNull(),
    content: text('content').notNull(),
  },
  (table) => [index('notification_attachments_notification_idx').on(table.notificationId)],
);

export type Meeting = typeof meetings.$inferSelect;
export type NewMeeting = typeof meetings.$inferInsert;
export type MeetingSeries = typeof meetingSeries.$inferSelect;

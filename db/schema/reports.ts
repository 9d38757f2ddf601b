import { boolean, index, jsonb, pgEnum, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import {
  reportFormats,
  reportKeys,
  reportScheduleFrequencies,
  reportScopes,
} from '../../lib/report-catalog';
import { documents } from './documents';
import { timestamps } from './timestamps';
import { users } from './users';

export const reportKeyEnum = pgEnum('report_key', reportKeys);
export const reportFormatEnum = pgEnum('report_format', reportFormats);
export const reportScopeEnum = pgEnum('report_scope', reportScopes);
export const reportFrequencyEnum = pgEnum('report_frequency', reportScheduleFrequencies);

/**
 * A manager's standing order: a report filed (and e-mailed to its recipients) every week or month
 * with the same parameters, the range resolved on the day it runs.
 */
export const reportSchedules = pgTable(
  'report_schedules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    report: reportKeyEnum('report').notNull(),
    format: reportFormatEnum('format').notNull(),
    frequency: reportFrequencyEnum('frequency').notNull(),
    /** The report's URL parameters (range preset, filters), as `reportParametersInput` parsed them. */
    parameters: jsonb('parameters').notNull(),
    recipientIds: uuid('recipient_ids').array().notNull(),
    createdById: uuid('created_by_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    paused: boolean('paused').notNull().default(false),
    lastRunAt: timestamp('last_run_at', { withTimezone: true }),
    ...timestamps,
  },
  (table) => [index('report_schedules_created_idx').on(table.createdAt)],
);

/**
 * One filed report: which report, its parameters, whose numbers (the scope and, for a book or own
 * numbers, whose), who ran it and when, and the document it was filed as. Documents of kind
 * `report` hang off a run, and are visible to whoever may run that report at that scope.
 */
export const reportRuns = pgTable(
  'report_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    report: reportKeyEnum('report').notNull(),
    format: reportFormatEnum('format').notNull(),
    parameters: jsonb('parameters').notNull(),
    scope: reportScopeEnum('scope').notNull(),
    /** The executive of a book or the coordinator of own numbers; null for the whole team. */
    scopeUserId: uuid('scope_user_id').references(() => users.id, { onDelete: 'cascade' }),
    runById: uuid('run_by_id').references(() => users.id, { onDelete: 'set null' }),
    scheduleId: uuid('schedule_id').references(() => reportSchedules.id, { onDelete: 'set null' }),
    documentId: uuid('document_id').references(() => documents.id, { onDelete: 'set null' }),
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('report_runs_report_idx').on(table.report, table.runAt),
    index('report_runs_scope_user_idx').on(table.scopeUserId, table.runAt),
    index('report_runs_schedule_idx').on(table.scheduleId),
  ],
);

export type ReportRun = typeof reportRuns.$inferSelect;
export type ReportSchedule = typeof reportSchedules.$inferSelect;

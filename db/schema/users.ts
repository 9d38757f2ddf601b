import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  smallint,
  text,
  time,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { timestamps } from './timestamps';
import { roles } from '../../lib/roles';

export const roleEnum = pgEnum('role', roles);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: varchar('name', { length: 120 }).notNull(),
    email: varchar('email', { length: 254 }).notNull(),
    passwordHash: text('password_hash'),
    role: roleEnum('role').notNull(),
    active: boolean('active').notNull().default(true),
    timeZone: varchar('time_zone', { length: 64 }).notNull().default('UTC'),
    // Null until the user picks a zone themselves; until then the browser's zone is offered.
    timeZoneChosenAt: timestamp('time_zone_chosen_at', { withTimezone: true }),
    locale: varchar('locale', { length: 16 }).notNull().default('en-US'),
    workingHoursStart: time('working_hours_start').notNull().default('09:00'),
    workingHoursEnd: time('working_hours_end').notNull().default('17:00'),
    // ISO weekdays: 1 is Monday, 7 is Sunday.
    workingDays: smallint('working_days')
      .array()
      .notNull()
      .default(sql`'{1,2,3,4,5}'`),
    // Set with a temporary password: the user must choose their own before anything else.
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    sessionVersion: integer('session_version').notNull().default(0),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    setPasswordTokenHash: text('set_password_token_hash'),
    setPasswordExpiresAt: timestamp('set_password_expires_at', { withTimezone: true }),
    // The `sub` of the company's OIDC provider, stored at the first company sign-in; later ones
    // must carry the same one.
    companySignInSubject: varchar('company_sign_in_subject', { length: 255 }),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('users_email_lower_idx').on(sql`lower(${table.email})`),
    uniqueIndex('users_set_password_token_idx').on(table.setPasswordTokenHash),
    uniqueIndex('users_company_sign_in_subject_idx').on(table.companySignInSubject),
    index('users_name_idx').on(table.name, table.id),
    index('users_role_active_idx').on(table.role, table.active),
  ],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Role = (typeof roleEnum.enumValues)[number];

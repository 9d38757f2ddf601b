import { bigint, boolean, index, pgTable, timestamp, varchar } from 'drizzle-orm/pg-core';

/** Every sign-in try; the rate limit counts recent failures per e-mail and per client address. */
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    email: varchar('email', { length: 254 }).notNull(),
    ip: varchar('ip', { length: 64 }).notNull(),
    forwardedFor: varchar('forwarded_for', { length: 255 }),
    succeeded: boolean('succeeded').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('sign_in_attempts_email_idx').on(table.email, table.createdAt),
    index('sign_in_attempts_ip_idx').on(table.ip, table.createdAt),
  ],
);

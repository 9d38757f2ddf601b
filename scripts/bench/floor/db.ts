import { drizzle } from 'drizzle-orm/postgres-js';
import { bigint, pgTable, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import postgres from 'postgres';

/** The columns of Accord's tables that the floor's list shows, declared here so the floor imports nothing of Accord. */
export const clients = pgTable('clients', {
  id: uuid('id').primaryKey(),
  name: varchar('name').notNull(),
  status: varchar('status').notNull(),
  industry: varchar('industry'),
  tier: varchar('tier').notNull(),
  ownerId: uuid('owner_id'),
  coordinatorId: uuid('coordinator_id'),
  currency: varchar('currency').notNull(),
  annualValueCents: bigint('annual_value_cents', { mode: 'number' }).notNull(),
  lastActivityAt: timestamp('last_activity_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  name: varchar('name').notNull(),
});

const globalForDb = globalThis as unknown as { floorDb?: ReturnType<typeof connect> };

function connect() {
  return drizzle(postgres(process.env.DATABASE_URL ?? '', { max: 10 }));
}

export function database() {
  globalForDb.floorDb ??= connect();
  return globalForDb.floorDb;
}

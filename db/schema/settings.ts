import { jsonb, pgTable, uuid, varchar } from 'drizzle-orm/pg-core';
import { users } from './users';
import { timestamps } from './timestamps';

/** One row per setting; values are validated by lib/validation/settings.ts before they are written. */
export const settings = pgTable('settings', {
  key: varchar('key', { length: 64 }).primaryKey(),
  value: jsonb('value').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  ...timestamps,
});

export type Setting = typeof settings.$inferSelect;

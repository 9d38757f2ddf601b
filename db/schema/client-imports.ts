import { boolean, char, jsonb, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';
import { timestamps } from './timestamps';

/**
 * The last column and value mapping a user chose for a CSV header row, keyed by a SHA-256 of
 * that row, so the next export from the same CRM is matched the same way.
 */
export const clientImportMappings = pgTable(
  'client_import_mappings',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    headerHash: char('header_hash', { length: 64 }).notNull(),
    columns: jsonb('columns').$type<Record<string, string>>().notNull(),
    values: jsonb('values').$type<Record<string, Record<string, string>>>().notNull(),
    appendUnmapped: boolean('append_unmapped').notNull().default(false),
    ...timestamps,
  },
  (table) => [primaryKey({ columns: [table.userId, table.headerHash] })],
);

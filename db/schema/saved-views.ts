import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { users } from './users';
import { timestamps } from './timestamps';
import { savedViewLists } from '../../lib/saved-views';

export const savedViewListEnum = pgEnum('saved_view_list', savedViewLists);

/**
 * A named URL state of a list. `state` is the canonical query string of the list's own schema
 * (lib/validation/saved-views.ts), checked again whenever it is read. Shared views hold filters
 * only: each viewer still sees only the records they may see.
 */
export const savedViews = pgTable(
  'saved_views',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    list: savedViewListEnum('list').notNull(),
    name: varchar('name', { length: 60 }).notNull(),
    state: text('state').notNull().default(''),
    shared: boolean('shared').notNull().default(false),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('saved_views_owner_list_name_idx').on(
      table.ownerId,
      table.list,
      sql`lower(${table.name})`,
    ),
    index('saved_views_shared_idx')
      .on(table.list)
      .where(sql`${table.shared}`),
  ],
);

/** The view each user opens a list with when its address names no state; none means "All". */
export const savedViewDefaults = pgTable(
  'saved_view_defaults',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    list: savedViewListEnum('list').notNull(),
    viewId: uuid('view_id')
      .notNull()
      .references(() => savedViews.id, { onDelete: 'cascade' }),
    ...timestamps,
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.list] }),
    index('saved_view_defaults_view_idx').on(table.viewId),
  ],
);

export type SavedView = typeof savedViews.$inferSelect;

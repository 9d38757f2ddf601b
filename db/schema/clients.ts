import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { users } from './users';
import { timestamps } from './timestamps';
import { activityKinds, clientStatuses, clientTiers, researchTopics } from '../../lib/clients';

export const clientStatusEnum = pgEnum('client_status', clientStatuses);
export const clientTierEnum = pgEnum('client_tier', clientTiers);

/** Accounts; prospects are clients with status `prospect`. */
export const clients = pgTable(
  'clients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: varchar('name', { length: 200 }).notNull(),
    status: clientStatusEnum('status').notNull().default('prospect'),
    industry: varchar('industry', { length: 100 }),
    tier: clientTierEnum('tier').notNull().default('standard'),
    website: varchar('website', { length: 255 }),
    phone: varchar('phone', { length: 40 }),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    coordinatorId: uuid('coordinator_id').references(() => users.id, { onDelete: 'set null' }),
    currency: char('currency', { length: 3 }).notNull().default('USD'),
    annualValueCents: bigint('annual_value_cents', { mode: 'number' }).notNull().default(0),
    billingEmail: varchar('billing_email', { length: 254 }),
    billingAddress: text('billing_address'),
    notes: text('notes'),
    fitScore: integer('fit_score'),
    source: varchar('source', { length: 100 }),
    nextStep: varchar('next_step', { length: 200 }),
    nextStepDate: date('next_step_date'),
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }),
    /**
     * The names and e-mails of the account's contacts, one per line, kept by triggers on contacts
     * (migration 0031): a search tests them on the client's own row, so a broad term walks the
     * list's sort index instead of collecting every matching contact first.
     */
    contactText: text('contact_text').notNull().default(''),
    /**
     * What a list search tests: the name, website and contact_text in lower case, one per line.
     * One trigram index and one LIKE per row cost about half what three did (two of them ILIKEs,
     * which lower every row they test).
     */
    searchText: text('search_text')
      .notNull()
      .generatedAlwaysAs(
        sql`lower(name) || E'\\n' || coalesce(lower(website), '') || E'\\n' || contact_text`,
      ),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (table) => [
    // Every sortable column gets (column, id) so a page is an index walk, not a sort of all rows.
    index('clients_name_idx').on(table.name, table.id),
    index('clients_status_name_idx').on(table.status, table.name, table.id),
    index('clients_industry_idx').on(table.industry, table.id),
    index('clients_tier_idx').on(table.tier, table.id),
    index('clients_owner_idx').on(table.ownerId, table.name, table.id),
    index('clients_coordinator_idx').on(table.coordinatorId, table.name, table.id),
    // A search sorted by owner or coordinator walks each person's clients in id order.
    index('clients_owner_id_idx').on(table.ownerId, table.id),
    index('clients_coordinator_id_idx').on(table.coordinatorId, table.id),
    index('clients_value_idx').on(table.annualValueCents, table.id),
    index('clients_last_activity_idx').on(table.lastActivityAt.desc().nullsLast(), table.id.desc()),
    index('clients_updated_idx').on(table.updatedAt, table.id),
    index('clients_next_step_idx').on(table.nextStepDate, table.id),
    index('clients_name_trgm_idx').using('gin', sql`${table.name} gin_trgm_ops`),
    index('clients_website_trgm_idx').using('gin', sql`${table.website} gin_trgm_ops`),
    index('clients_search_text_trgm_idx').using('gin', sql`${table.searchText} gin_trgm_ops`),
    index('clients_name_lower_idx').on(sql`lower(${table.name})`),
    index('clients_website_lower_idx').on(sql`lower(${table.website})`),
  ],
);

export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    name: varchar('name', { length: 160 }).notNull(),
    title: varchar('title', { length: 120 }),
    email: varchar('email', { length: 254 }),
    phone: varchar('phone', { length: 40 }),
    isPrimary: boolean('is_primary').notNull().default(false),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (table) => [
    index('contacts_client_idx').on(table.clientId, table.name),
    uniqueIndex('contacts_one_primary_idx')
      .on(table.clientId)
      .where(sql`${table.isPrimary}`),
    index('contacts_name_trgm_idx').using('gin', sql`${table.name} gin_trgm_ops`),
    index('contacts_email_trgm_idx').using('gin', sql`${table.email} gin_trgm_ops`),
    // The palette's first matches, those that start with the term: a trigram scan rechecks every
    // row holding the term anywhere (7,500 contacts for "harbor") to find none.
    index('contacts_name_prefix_idx').using('btree', sql`lower(${table.name}) text_pattern_ops`),
    index('contacts_email_prefix_idx').using('btree', sql`lower(${table.email}) text_pattern_ops`),
  ],
);

export const tags = pgTable(
  'tags',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: varchar('name', { length: 50 }).notNull(),
    ...timestamps,
  },
  (table) => [uniqueIndex('tags_name_lower_idx').on(sql`lower(${table.name})`)],
);

export const clientTags = pgTable(
  'client_tags',
  {
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    tagId: uuid('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
    createdAt: timestamps.createdAt,
  },
  (table) => [
    primaryKey({ columns: [table.clientId, table.tagId] }),
    index('client_tags_tag_idx').on(table.tagId, table.clientId),
  ],
);

export const researchTopicEnum = pgEnum('research_topic', researchTopics);

export const researchNotes = pgTable(
  'research_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    topic: researchTopicEnum('topic').notNull(),
    sourceUrl: varchar('source_url', { length: 500 }),
    summary: text('summary').notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (table) => [index('research_notes_client_idx').on(table.clientId, table.createdAt)],
);

export const competitors = pgTable(
  'competitors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: varchar('name', { length: 160 }).notNull(),
    website: varchar('website', { length: 255 }),
    strengths: text('strengths'),
    weaknesses: text('weaknesses'),
    pricingNotes: text('pricing_notes'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (table) => [uniqueIndex('competitors_name_lower_idx').on(sql`lower(${table.name})`)],
);

export const clientCompetitors = pgTable(
  'client_competitors',
  {
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    competitorId: uuid('competitor_id')
      .notNull()
      .references(() => competitors.id, { onDelete: 'cascade' }),
    createdAt: timestamps.createdAt,
  },
  (table) => [
    primaryKey({ columns: [table.clientId, table.competitorId] }),
    index('client_competitors_competitor_idx').on(table.competitorId, table.clientId),
  ],
);

export const activityKindEnum = pgEnum('activity_kind', activityKinds);

/** The timeline of a client: what people logged, and every change made in Accord. */
export const activities = pgTable(
  'activities',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    kind: activityKindEnum('kind').notNull(),
    subject: varchar('subject', { length: 200 }).notNull(),
    body: text('body'),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    ...timestamps,
  },
  (table) => [
    index('activities_client_idx').on(table.clientId, table.occurredAt.desc(), table.id.desc()),
  ],
);

export type Client = typeof clients.$inferSelect;
export type NewClient = typeof clients.$inferInsert;
export type Contact = typeof contacts.$inferSelect;
export type NewContact = typeof contacts.$inferInsert;
export type ClientStatus = (typeof clientStatusEnum.enumValues)[number];
export type ClientTier = (typeof clientTierEnum.enumValues)[number];
export type ResearchTopic = (typeof researchTopicEnum.enumValues)[number];
export type ActivityKind = (typeof activityKindEnum.enumValues)[number];

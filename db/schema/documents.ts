import { sql } from 'drizzle-orm';
import {
  bigint,
  char,
  index,
  integer,
  pgEnum,
  pgTable,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { documentRecordKinds } from '../../lib/documents';
import { clients } from './clients';
import { users } from './users';

export const documentRecordKindEnum = pgEnum('document_record_kind', documentRecordKinds);

/**
 * One stored version of a file filed on a record. Versions of the same file share `file_id` (the
 * first version's id) and count up in `version_number`. `client_id` is the record's client, kept
 * here so visibility is the same semi-join as for every other record; a filed report has none.
 */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fileId: uuid('file_id').notNull(),
    versionNumber: integer('version_number').notNull().default(1),
    recordKind: documentRecordKindEnum('record_kind').notNull(),
    recordId: uuid('record_id').notNull(),
    clientId: uuid('client_id').references(() => clients.id, { onDelete: 'cascade' }),
    name: varchar('name', { length: 255 }).notNull(),
    /** Sniffed from the content, never taken from the browser. */
    mediaType: varchar('media_type', { length: 127 }).notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: char('sha256', { length: 64 }).notNull(),
    /** A random key in the file storage (local folder or S3 bucket); never derived from the name. */
    storageKey: varchar('storage_key', { length: 80 }).notNull(),
    uploadedById: uuid('uploaded_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    deletedById: uuid('deleted_by_id').references(() => users.id, { onDelete: 'set null' }),
  },
  (table) => [
    index('documents_record_idx').on(table.recordKind, table.recordId, table.createdAt),
    index('documents_client_idx').on(table.clientId),
    uniqueIndex('documents_file_version_idx').on(table.fileId, table.versionNumber),
    uniqueIndex('documents_storage_key_idx').on(table.storageKey),
    index('documents_deleted_idx')
      .on(table.deletedAt)
      .where(sql`${table.deletedAt} is not null`),
  ],
);

export type Document = typeof documents.$inferSelect;

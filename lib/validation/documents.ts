import { z } from 'zod';
import { documentRecordKinds } from '@/lib/documents';

export const documentRecordSchema = z.object({
  recordKind: z.enum(documentRecordKinds, { error: 'Choose what the file belongs to.' }),
  recordId: z.uuid('This record does not exist.'),
});

/** The query string of an upload: the record, and the file it is a new version of, if any. */
export const uploadTargetSchema = documentRecordSchema.extend({
  replacesFileId: z
    .string()
    .trim()
    .transform((value) => value || null)
    .pipe(z.uuid('This file does not exist.').nullable())
    .optional()
    .transform((value) => value ?? null),
});

export const fileNameSchema = z
  .string()
  .transform((name) =>
    name
      .normalize('NFC')
      .replace(/[\u0000-\u001f\u007f/\\]/g, '')
      .trim(),
  )
  .pipe(
    z
      .string()
      .min(1, 'The file has no name.')
      .max(255, 'Use a file name of at most 255 characters.'),
  );

export const documentFileSchema = z.object({ fileId: z.uuid('This file does not exist.') });

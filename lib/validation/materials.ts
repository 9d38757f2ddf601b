import { z } from 'zod';
import { bulkSelectionSchema } from '@/lib/bulk';
import { industries } from '@/lib/clients';
import { materialAttachmentKinds, materialKinds, materialStatuses } from '@/lib/materials';
import { optionalDate, optionalUserId, tagList } from './fields';
import { listParamsSchema } from './list-params';

const id = z.uuid('This material does not exist.');
const version = z.coerce.number().int().min(1);

export const materialSortColumns = [
  'title',
  'kind',
  'client',
  'status',
  'assignee',
  'due',
  'updatedAt',
] as const;
export type MaterialSort = (typeof materialSortColumns)[number];

export const materialDueFilters = ['overdue', 'week'] as const;
export type MaterialDueFilter = (typeof materialDueFilters)[number];

export const materialListSchema = listParamsSchema(materialSortColumns, {
  sort: 'updatedAt',
  dir: 'desc',
}).extend({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(materialStatuses).optional().catch(undefined),
  kind: z.enum(materialKinds).optional().catch(undefined),
  assignee: z.uuid().optional().catch(undefined),
  client: z.uuid().optional().catch(undefined),
  campaign: z.uuid().optional().catch(undefined),
  // `overdue`: open and past its due date; `week`: open and due within the next seven days.
  due: z.enum(materialDueFilters).optional().catch(undefined),
});
export type MaterialListParams = z.output<typeof materialListSchema>;
export type MaterialFilters = Omit<MaterialListParams, 'page' | 'size' | 'sort' | 'dir'>;

/** The library's search: ready materials by kind, tag, client, the client's industry and text. */
export const materialLibrarySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  kind: z.enum(materialKinds).optional().catch(undefined),
  tag: z.string().trim().min(1).max(50).optional().catch(undefined),
  client: z.uuid().optional().catch(undefined),
  industry: z.enum(industries).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1000).catch(1),
});
export type MaterialLibraryParams = z.output<typeof materialLibrarySchema>;

const title = z
  .string({ error: 'Enter a title.' })
  .trim()
  .min(1, 'Enter a title.')
  .max(200, 'Use at most 200 characters.');

const brief = z
  .string()
  .max(20_000, 'Keep the brief under 20,000 characters.')
  .optional()
  .transform((value) => value?.trim() ?? '');

// Lower-cased, so the library's tag filter finds "Retail" and "retail" alike.
const tags = tagList((tag) => tag.toLowerCase());

/** A record of the material's client, or null when left blank. */
const optionalClientRecordId = (message: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => value || null)
    .pipe(z.uuid(message).nullable());

const optionalDealId = optionalClientRecordId('Choose a deal of this client.');
const optionalCampaignId = optionalClientRecordId('Choose a campaign of this client.');

/** A new request: blank assignee means nobody yet, blank deal or campaign means none. */
export const createMaterialSchema = z.object({
  clientId: z.uuid('Choose a client.'),
  dealId: optionalDealId,
  campaignId: optionalCampaignId,
  kind: z.enum(materialKinds, { error: 'Choose what to make.' }),
  title,
  brief,
  tags,
  assigneeId: optionalUserId,
  dueDate: optionalDate,
});
export type CreateMaterialInput = z.output<typeof createMaterialSchema>;

/** The request's details, edited at the version the form read; blank campaign means none. */
export const updateMaterialSchema = z.object({
  id,
  version,
  campaignId: optionalCampaignId,
  title,
  brief,
  tags,
  dueDate: optionalDate,
});

export const assignMaterialSchema = z.object({
  id,
  version,
  assigneeId: z.uuid('Choose who makes it.'),
});

export const materialStepSchema = z.object({ id, version });

/** Sending a material back to work always says what to change. */
export const sendBackMaterialSchema = z.object({
  id,
  version,
  comment: z
    .string({ error: 'Say what needs to change.' })
    .trim()
    .min(1, 'Say what needs to change.')
    .max(5000, 'Use at most 5,000 characters.'),
});

export const approveMaterialSchema = z.object({
  id,
  version,
  comment: z
    .string()
    .trim()
    .max(5000, 'Use at most 5,000 characters.')
    .optional()
    .transform((value) => value || null),
});

export const materialAttachmentSchema = z.object({
  materialId: z.uuid('Choose a ready material.'),
  targetKind: z.enum(materialAttachmentKinds),
  targetId: z.uuid('This record does not exist.'),
});

export const bulkAssignMaterialsSchema = z.object({
  selection: bulkSelectionSchema,
  assigneeId: z.uuid('Choose who makes them.'),
});

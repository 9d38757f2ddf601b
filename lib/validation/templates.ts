import { z } from 'zod';
import { unknownMergeFields } from '@/lib/merge-fields';
import { templateStatuses } from '@/lib/templates';
import { optionalText } from './fields';
import { listParamsSchema } from './list-params';

/** The message for a body that uses `{{…}}` names that are not merge fields. */
export function unknownFieldsMessage(unknown: string[]) {
  const names = unknown.map((name) => `{{${name}}}`).join(', ');
  return unknown.length === 1
    ? `Unknown merge field ${names}. Pick fields from the list.`
    : `Unknown merge fields ${names}. Pick fields from the list.`;
}

const templateFieldsSchema = z.object({
  name: z
    .string({ error: 'Enter a name.' })
    .trim()
    .min(1, 'Enter a name.')
    .max(160, 'Use at most 160 characters.'),
  category: optionalText(80),
  body: z
    .string({ error: 'Write the template.' })
    .trim()
    .min(1, 'Write the template.')
    .max(50_000, 'Use at most 50,000 characters.')
    .superRefine((body, context) => {
      const unknown = unknownMergeFields(body);
      if (unknown.length)
        context.addIssue({ code: 'custom', message: unknownFieldsMessage(unknown) });
    }),
});

export const createTemplateSchema = templateFieldsSchema;

export const updateTemplateSchema = templateFieldsSchema.extend({
  templateId: z.uuid('Unknown template.'),
  version: z.coerce.number().int().min(1),
});

/** Publish, archive: the template and the version the manager was looking at. */
export const templateRefSchema = z.object({
  templateId: z.uuid('Unknown template.'),
  version: z.coerce.number().int().min(1),
});

const templateSortColumns = ['name', 'category', 'status', 'updatedAt'] as const;
export type TemplateSort = (typeof templateSortColumns)[number];

export const templateListSchema = listParamsSchema(templateSortColumns, {
  sort: 'name',
  dir: 'asc',
}).extend({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(templateStatuses).optional().catch(undefined),
});
export type TemplateListParams = z.infer<typeof templateListSchema>;

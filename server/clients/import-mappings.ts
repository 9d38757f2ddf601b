import 'server-only';
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { clientImportMappings } from '@/db/schema';
import {
  columnMappingSchema,
  findImportMappingSchema,
  type ColumnMapping,
} from '@/lib/client-import';
import { valueMapSchema, type ValueMap } from '@/lib/client-import-values';
import { defineAction } from '@/server/action';

export type RememberedMapping = {
  columns: ColumnMapping;
  values: ValueMap;
  appendUnmapped: boolean;
};

/** Identifies a header row: the same columns with the same names in the same order. */
function hashHeaderRow(headers: string[]) {
  return createHash('sha256').update(JSON.stringify(headers)).digest('hex');
}

/** Keeps `user`'s choices for this header row, replacing the ones made for it before. */
export async function rememberImportMapping(
  tx: Transaction,
  userId: string,
  headers: string[],
  mapping: RememberedMapping,
) {
  const row = {
    columns: mapping.columns,
    values: mapping.values,
    appendUnmapped: mapping.appendUnmapped,
  };
  await tx
    .insert(clientImportMappings)
    .values({ userId, headerHash: hashHeaderRow(headers), ...row })
    .onConflictDoUpdate({
      target: [clientImportMappings.userId, clientImportMappings.headerHash],
      set: { ...row, updatedAt: new Date() },
    });
}

/** The signed-in user's last mapping for this header row, or null; other users' are never read. */
export const findImportMappingCommand = defineAction({
  schema: findImportMappingSchema,
  permission: 'clients.write',
  async run({ headers }, { tx, user }): Promise<RememberedMapping | null> {
    const [stored] = await tx
      .select()
      .from(clientImportMappings)
      .where(
        and(
          eq(clientImportMappings.userId, user.id),
          eq(clientImportMappings.headerHash, hashHeaderRow(headers)),
        ),
      );
    if (!stored) return null;
    // A mapping saved before a field or value was renamed no longer fits: offer none, not a broken one.
    const columns = columnMappingSchema.safeParse(stored.columns);
    const values = valueMapSchema.safeParse(stored.values);
    if (!columns.success || !values.success) return null;
    return { columns: columns.data, values: values.data, appendUnmapped: stored.appendUnmapped };
  },
});

import 'server-only';
import { and, inArray, or, sql } from 'drizzle-orm';
import { activities, clients, contacts } from '@/db/schema';
import {
  checkImportRow,
  importClientsSchema,
  type ImportRow,
  type RowProblem,
} from '@/lib/client-import';
import { defineAction } from '@/server/action';
import { rememberImportMapping } from './import-mappings';
import { initialTeam } from './records';
import { visibleClients } from './visibility';

export type ImportOutcome =
  | { status: 'invalid'; problems: RowProblem[]; duplicates: RowProblem[] }
  | { status: 'imported'; imported: number; skipped: number };

// Rows per INSERT statement: well under PostgreSQL's 65,535 parameters per statement.
const batchSize = 500;

function chunks<T>(items: T[], size: number) {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, index) =>
    items.slice(index * size, (index + 1) * size),
  );
}

/**
 * Imports clients and their first contact from mapped CSV rows, all or nothing: every row is
 * checked first (after the user's choices for the file's own industry, status and tier values),
 * and any problem (or a duplicate, unless asked to skip them) imports nothing. Rows are numbered
 * as in the file, the header being row 1. The mapping is remembered for the header row either
 * way, so fixing the file and choosing it again starts from the same choices.
 */
export const importClientsCommand = defineAction({
  schema: importClientsSchema,
  permission: 'clients.write',
  async run(input, { tx, user, audit }): Promise<ImportOutcome> {
    const problems: RowProblem[] = [];
    const valid: { row: number; data: ImportRow }[] = [];
    input.rows.forEach((raw, index) => {
      const checked = checkImportRow(raw, input.values);
      if (checked.ok) valid.push({ row: index + 2, data: checked.data });
      else problems.push({ row: index + 2, message: checked.message });
    });
    if (input.remember) {
      await rememberImportMapping(tx, user.id, input.remember.headers, {
        columns: input.remember.columns,
        values: input.values,
        appendUnmapped: input.remember.appendUnmapped,
      });
    }

    // Duplicates are looked for among the clients the importer may see: a hidden account is
    // "not found" here too, as everywhere else.
    const names = [...new Set(valid.map(({ data }) => data.name.toLowerCase()))];
    const domains = [...new Set(valid.flatMap(({ data }) => (data.website ? [data.website] : [])))];
    const existing = await tx
      .select({
        name: sql<string>`lower(${clients.name})`,
        website: sql<string | null>`lower(${clients.website})`,
      })
      .from(clients)
      .where(
        and(
          await visibleClients(user),
          or(
            inArray(sql`lower(${clients.name})`, names),
            domains.length ? inArray(sql`lower(${clients.website})`, domains) : undefined,
          ),
        ),
      );
    const takenNames = new Set(existing.map((row) => row.name));
    const takenDomains = new Set(existing.flatMap((row) => (row.website ? [row.website] : [])));

    const duplicates: RowProblem[] = [];
    const toImport: { row: number; data: ImportRow }[] = [];
    for (const entry of valid) {
      const name = entry.data.name.toLowerCase();
      const domain = entry.data.website;
      if (takenNames.has(name) || (domain && takenDomains.has(domain))) {
        duplicates.push({
          row: entry.row,
          message: `${entry.data.name} matches a client already in Accord (same name or website).`,
        });
        continue;
      }
      takenNames.add(name);
      if (domain) takenDomains.add(domain);
      toImport.push(entry);
    }

    if (problems.length > 0 || (duplicates.length > 0 && !input.skipDuplicates)) {
      return { status: 'invalid', problems, duplicates };
    }

    const { ownerId, coordinatorId } = initialTeam(user);
    const now = new Date();
    for (const batch of chunks(toImport, batchSize)) {
      const inserted = await tx
        .insert(clients)
        .values(
          batch.map(({ data }) => ({
            name: data.name,
            website: data.website ?? null,
            industry: data.industry ?? null,
            phone: data.phone ?? null,
            status: data.status ?? 'active',
            tier: data.tier ?? 'standard',
            annualValueCents: data.annualValue ?? 0,
            notes: data.notes ?? null,
            billingAddress: data.billingAddress,
            ownerId,
            coordinatorId,
            lastActivityAt: now,
          })),
        )
        .returning({ id: clients.id });
      const withIds = batch.map((entry, index) => ({ ...entry, id: inserted[index]?.id ?? '' }));
      const people = withIds.filter(({ data }) => data.contactName || data.contactEmail);
      if (people.length > 0) {
        await tx.insert(contacts).values(
          people.map(({ id, data }) => ({
            clientId: id,
            name: data.contactName || data.contactEmail || '',
            email: data.contactEmail ?? null,
            phone: data.contactPhone ?? null,
            title: data.contactTitle ?? null,
            isPrimary: true,
          })),
        );
      }
      await tx.insert(activities).values(
        withIds.map(({ id }) => ({
          clientId: id,
          kind: 'change' as const,
          subject: 'Imported from CSV',
          actorId: user.id,
          occurredAt: now,
        })),
      );
    }
    await audit({
      action: 'clients.imported',
      entityType: 'client',
      after: { imported: toImport.length, skippedDuplicates: duplicates.length },
    });
    return { status: 'imported', imported: toImport.length, skipped: duplicates.length };
  },
});

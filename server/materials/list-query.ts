import 'server-only';
import { and, eq, gte, ilike, inArray, lt, lte, ne, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db } from '@/db/client';
import { clients, materials, users } from '@/db/schema';
import type { MaterialFilters } from '@/lib/validation/materials';
import { escapeLike } from '@/server/sql';

export const materialAssignees = alias(users, 'material_assignees');

/** Open materials due before `today` (YYYY-MM-DD on the viewer's calendar). */
export function overdueMaterials(today: string) {
  return and(ne(materials.status, 'ready'), lt(materials.dueDate, today));
}

function addDays(date: string, days: number) {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The WHERE of the materials list: the viewer's visibility, then the URL's filters. */
export function materialListWhere(
  visibility: SQL | undefined,
  params: MaterialFilters,
  today: string,
) {
  const filters: (SQL | undefined)[] = [visibility];
  if (params.status) filters.push(eq(materials.status, params.status));
  if (params.kind) filters.push(eq(materials.kind, params.kind));
  if (params.assignee) filters.push(eq(materials.assigneeId, params.assignee));
  if (params.client) filters.push(eq(materials.clientId, params.client));
  if (params.campaign) filters.push(eq(materials.campaignId, params.campaign));
  if (params.due === 'overdue') filters.push(overdueMaterials(today));
  if (params.due === 'week') {
    filters.push(
      ne(materials.status, 'ready'),
      gte(materials.dueDate, today),
      lte(materials.dueDate, addDays(today, 7)),
    );
  }
  if (params.q) {
    const pattern = `%${escapeLike(params.q)}%`;
    filters.push(
      or(
        ilike(materials.title, pattern),
        inArray(
          materials.clientId,
          db.select({ id: clients.id }).from(clients).where(ilike(clients.name, pattern)),
        ),
      ),
    );
  }
  return and(...filters);
}

export const materialRowColumns = {
  id: materials.id,
  title: materials.title,
  kind: materials.kind,
  status: materials.status,
  clientId: materials.clientId,
  clientName: clients.name,
  assigneeId: materials.assigneeId,
  assigneeName: materialAssignees.name,
  dueDate: materials.dueDate,
  tags: materials.tags,
  version: materials.version,
  updatedAt: materials.updatedAt,
};

/** Material rows with their client and assignee, as every list of them shows. */
export function selectMaterialRows() {
  return db
    .select(materialRowColumns)
    .from(materials)
    .innerJoin(clients, eq(clients.id, materials.clientId))
    .leftJoin(materialAssignees, eq(materialAssignees.id, materials.assigneeId));
}

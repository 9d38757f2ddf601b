import 'server-only';
import { and, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { forbidden } from 'next/navigation';
import { db } from '@/db/client';
import { auditLog, users } from '@/db/schema';
import type { AuditListParams } from '@/lib/validation/admin';
import { can } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';
import { cappedCount } from '@/server/sql';

const targetUsers = alias(users, 'target_users');

type AuditRow = {
  id: number;
  createdAt: Date;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  targetName: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  forwardedFor: string | null;
};

// In the null order of the created index, so either direction reads it in order (neither column
// is ever null): a plain `desc` means nulls first, and sorted the whole log.
const newestFirst = sql`${auditLog.createdAt} desc nulls last, ${auditLog.id} desc nulls last`;
const oldestFirst = sql`${auditLog.createdAt} asc nulls first, ${auditLog.id} asc nulls first`;

/** What every list of entries shows; `users` is the actor. */
const entryColumns = {
  id: auditLog.id,
  createdAt: auditLog.createdAt,
  actorName: users.name,
  action: auditLog.action,
  entityType: auditLog.entityType,
};

/** The audit log for managers, newest first, filtered by actor, action and a date range in the viewer's time zone. */
export async function listAuditEntries(viewer: CurrentUser, params: AuditListParams) {
  if (!can(viewer, 'auditLog.read')) forbidden();
  const filters: SQL[] = [];
  if (params.actor) filters.push(eq(auditLog.actorId, params.actor));
  if (params.action) filters.push(eq(auditLog.action, params.action));
  if (params.from) {
    filters.push(
      gte(
        auditLog.createdAt,
        sql`(${params.from}::date)::timestamp at time zone ${viewer.timeZone}`,
      ),
    );
  }
  if (params.to) {
    filters.push(
      lt(
        auditLog.createdAt,
        sql`((${params.to}::date) + 1)::timestamp at time zone ${viewer.timeZone}`,
      ),
    );
  }
  const where = filters.length ? and(...filters) : undefined;
  const order = params.dir === 'asc' ? oldestFirst : newestFirst;
  const [rows, counted] = await Promise.all([
    db
      .select({
        ...entryColumns,
        entityId: auditLog.entityId,
        targetName: targetUsers.name,
        before: auditLog.before,
        after: auditLog.after,
        ip: auditLog.ip,
        forwardedFor: auditLog.forwardedFor,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .leftJoin(
        targetUsers,
        and(eq(auditLog.entityType, 'user'), eq(sql`${targetUsers.id}::text`, auditLog.entityId)),
      )
      .where(where)
      .orderBy(order)
      .limit(params.size)
      .offset((params.page - 1) * params.size),
    cappedCount(auditLog, where),
  ]);
  return { rows: rows satisfies AuditRow[], ...counted };
}

/** The latest entries for the manager's home page. */
export async function listRecentAuditEntries(viewer: CurrentUser, limit = 8) {
  if (!can(viewer, 'auditLog.read')) forbidden();
  return recentAuditEntriesQuery(limit);
}

/** The latest entries' one statement, unexecuted, so a test can EXPLAIN it. */
export function recentAuditEntriesQuery(limit: number) {
  return db
    .select(entryColumns)
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .orderBy(newestFirst)
    .limit(limit);
}

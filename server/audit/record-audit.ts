import 'server-only';
import type { Executor } from '@/db/client';
import { auditLog } from '@/db/schema';

export type AuditEntryInput = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** The address the request came from (clientAddressFrom's `reported`). */
  ip?: string | null;
  /** What the request's X-Forwarded-For claimed besides, never taken as its address. */
  forwardedFor?: string | null;
};

/** Writes one audit row with the caller's executor, so it commits or rolls back with the write. */
export async function recordAudit(executor: Executor, entry: AuditEntryInput) {
  await executor.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: entry.ip ?? null,
    forwardedFor: entry.forwardedFor ?? null,
  });
}

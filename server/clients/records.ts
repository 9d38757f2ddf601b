import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { activities, clients, clientTags, tags, users, type ActivityKind } from '@/db/schema';
import type { CurrentUser } from '@/server/auth/session';
import { can } from '@/server/auth/permissions';
import { ActionError } from '@/server/errors';
import { lockVisibleRecord } from '@/server/lock-record';
import { visibleClients } from './visibility';

/**
 * Locks a client the user may see, for a change to it (at the `version` the form read) or to what
 * hangs off it. A client outside the user's visibility is answered exactly like one that does not
 * exist.
 */
export async function lockVisibleClient(
  tx: Transaction,
  user: CurrentUser,
  clientId: string,
  version?: number,
) {
  const visibility = await visibleClients(user);
  return lockVisibleRecord(tx, clients, 'client', { id: clientId, visibility, version });
}

/** Refuses a chosen owner or coordinator who is not an active user, as an error on `field`. */
export async function assertActiveUser(
  tx: Transaction,
  userId: string | null | undefined,
  field: string,
) {
  if (!userId) return;
  const [user] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.active, true)));
  if (!user)
    throw new ActionError('Check the highlighted fields.', { [field]: ['Choose an active user.'] });
}

/** Adds a timeline entry and moves the client's last-activity time, in the caller's transaction. */
export async function recordActivity(
  tx: Transaction,
  entry: {
    clientId: string;
    kind: ActivityKind;
    subject: string;
    body?: string | null;
    /** Null when the client did it through a share link. */
    actorId: string | null;
  },
) {
  const occurredAt = new Date();
  await tx.insert(activities).values({ ...entry, occurredAt });
  await tx
    .update(clients)
    .set({
      lastActivityAt: sql`greatest(${clients.lastActivityAt}, ${occurredAt.toISOString()}::timestamptz)`,
    })
    .where(eq(clients.id, entry.clientId));
}

/**
 * Who is on a new account. Choosing an owner or coordinator is reassigning (DESIGN.md §1), so
 * only those who may reassign any account choose freely; everyone else is put on the account
 * they create, so they can still see it under "assigned" visibility.
 */
export function initialTeam(
  user: CurrentUser,
  requested: { ownerId?: string | null; coordinatorId?: string | null } = {},
) {
  if (can(user, 'clients.reassign', { ownerId: null })) {
    return { ownerId: requested.ownerId ?? null, coordinatorId: requested.coordinatorId ?? null };
  }
  if (user.role === 'executive') {
    return { ownerId: user.id, coordinatorId: requested.coordinatorId ?? null };
  }
  return { ownerId: null, coordinatorId: user.id };
}

/** A change made in Accord, on the client's timeline. */
export function recordChange(tx: Transaction, clientId: string, actorId: string, subject: string) {
  return recordActivity(tx, { clientId, kind: 'change', subject, actorId });
}

/** Replaces a client's tags with `names`, creating tags that do not exist yet (case-insensitively). */
export async function replaceClientTags(tx: Transaction, clientId: string, names: string[]) {
  await tx.delete(clientTags).where(eq(clientTags.clientId, clientId));
  if (names.length === 0) return;
  await tx
    .insert(tags)
    .values(names.map((name) => ({ name })))
    .onConflictDoNothing();
  const rows = await tx
    .select({ id: tags.id })
    .from(tags)
    .where(
      inArray(
        sql`lower(${tags.name})`,
        names.map((name) => name.toLowerCase()),
      ),
    );
  await tx.insert(clientTags).values(rows.map((tag) => ({ clientId, tagId: tag.id })));
}

export async function tagNamesOf(tx: Transaction, clientId: string) {
  const rows = await tx
    .select({ name: tags.name })
    .from(clientTags)
    .innerJoin(tags, eq(tags.id, clientTags.tagId))
    .where(eq(clientTags.clientId, clientId));
  return rows.map((row) => row.name).sort();
}

/** The fields that differ between two snapshots, for the audit log and the timeline. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const changed: { before: Partial<T>; after: Partial<T> } = { before: {}, after: {} };
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      changed.before[key] = before[key];
      changed.after[key] = after[key];
    }
  }
  return changed;
}

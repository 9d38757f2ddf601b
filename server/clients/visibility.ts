import 'server-only';
import { inArray, or, eq, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { db } from '@/db/client';
import { clients } from '@/db/schema';
import type { CurrentUser } from '@/server/auth/session';
import { getRecordVisibility } from '@/server/settings/queries';

/**
 * The condition every client query adds to its WHERE: under `assigned` visibility, coordinators
 * and executives see only accounts they own or coordinate (and what hangs off them); everyone
 * else sees all. A client outside it is "not found" everywhere.
 */
export async function visibleClients(user: CurrentUser): Promise<SQL | undefined> {
  if (user.role === 'manager' || (await getRecordVisibility()) === 'open') return undefined;
  return or(eq(clients.ownerId, user.id), eq(clients.coordinatorId, user.id));
}

/**
 * The same condition for a record that hangs off a client (a deal, a proposal): visible when its
 * client is. Written on the record's own `client_id` (a semi-join), so counts and aggregates need
 * no join to clients.
 */
export async function visibleThroughClient(
  user: CurrentUser,
  clientIdColumn: PgColumn,
): Promise<SQL | undefined> {
  const clientCondition = await visibleClients(user);
  if (!clientCondition) return undefined;
  return inArray(
    clientIdColumn,
    db.select({ id: clients.id }).from(clients).where(clientCondition),
  );
}

import 'server-only';
import { and, eq, exists, inArray, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import { db, type Executor } from '@/db/client';
import { clients, users } from '@/db/schema';
import type { CurrentUser } from '@/server/auth/session';
import { getRecordVisibility, readRecordVisibility } from '@/server/settings/queries';

/** The accounts `userId` owns or coordinates: all that `assigned` leaves a non-manager. */
function assignedTo(
  table: { ownerId: SQLWrapper; coordinatorId: SQLWrapper },
  userId: string | SQLWrapper,
) {
  return or(eq(table.ownerId, userId), eq(table.coordinatorId, userId));
}

/**
 * The condition every client query adds to its WHERE: under `assigned` visibility, coordinators
 * and executives see only accounts they own or coordinate (and what hangs off them); everyone
 * else sees all. A client outside it is "not found" everywhere.
 */
export async function visibleClients(user: CurrentUser): Promise<SQL | undefined> {
  if (user.role === 'manager' || (await getRecordVisibility()) === 'open') return undefined;
  return assignedTo(clients, user.id);
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

// Its own name, so the condition can sit in a query that joins `clients` itself.
const seenClients = alias(clients, 'seen_clients');

/**
 * Row by row, for work done for many users at once (jobs, reassignments): whether the user in
 * `userId`, whose role is in `role`, sees the client in `clientId` under `assigned` visibility.
 */
export function seesClientWhenAssigned(
  userId: SQLWrapper,
  role: SQLWrapper,
  clientId: SQLWrapper,
): SQL {
  return sql`(${or(
    eq(role, 'manager'),
    exists(
      db
        .select({ one: sql`1` })
        .from(seenClients)
        .where(and(eq(seenClients.id, clientId), assignedTo(seenClients, userId))),
    ),
  )})`;
}

/** Whether user `userId` sees client `clientId` under the current setting, read with `executor`. */
export async function userSeesClient(executor: Executor, userId: string, clientId: string) {
  if ((await readRecordVisibility(executor)) === 'open') return true;
  const [row] = await executor
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.id, userId),
        seesClientWhenAssigned(users.id, users.role, sql`${clientId}::uuid`),
      ),
    );
  return Boolean(row);
}

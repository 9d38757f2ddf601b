import 'server-only';
import { or, eq, type SQL } from 'drizzle-orm';
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

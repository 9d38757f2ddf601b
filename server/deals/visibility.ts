import 'server-only';
import { inArray, type SQL } from 'drizzle-orm';
import { db } from '@/db/client';
import { clients, deals } from '@/db/schema';
import type { CurrentUser } from '@/server/auth/session';
import { visibleClients } from '@/server/clients/visibility';

/**
 * The condition every deal query adds to its WHERE: a deal is visible when its client is. Written
 * on `deals` alone (a semi-join), so counts and aggregates need no join to clients.
 */
export async function visibleDeals(user: CurrentUser): Promise<SQL | undefined> {
  const clientCondition = await visibleClients(user);
  if (!clientCondition) return undefined;
  return inArray(
    deals.clientId,
    db.select({ id: clients.id }).from(clients).where(clientCondition),
  );
}

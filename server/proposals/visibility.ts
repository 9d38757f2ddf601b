import 'server-only';
import { inArray, type SQL } from 'drizzle-orm';
import { db } from '@/db/client';
import { clients, proposals } from '@/db/schema';
import type { CurrentUser } from '@/server/auth/session';
import { visibleClients } from '@/server/clients/visibility';

/** Proposals hang off their client: visible exactly when the client is (DESIGN.md §1). */
export async function visibleProposals(user: CurrentUser): Promise<SQL | undefined> {
  const clientCondition = await visibleClients(user);
  if (!clientCondition) return undefined;
  return inArray(
    proposals.clientId,
    db.select({ id: clients.id }).from(clients).where(clientCondition),
  );
}

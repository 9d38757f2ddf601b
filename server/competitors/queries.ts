import 'server-only';
import { and, asc, count, eq } from 'drizzle-orm';
import { forbidden, notFound } from 'next/navigation';
import { db } from '@/db/client';
import { clientCompetitors, clients, competitors } from '@/db/schema';
import { can } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';
import { visibleClients } from '@/server/clients/visibility';

/** The competitor registry with how many of the viewer's visible clients each competes for. */
export async function listCompetitors(viewer: CurrentUser) {
  if (!can(viewer, 'clients.read')) forbidden();
  const visibility = await visibleClients(viewer);
  return db
    .select({
      id: competitors.id,
      name: competitors.name,
      website: competitors.website,
      clientCount: count(clients.id),
    })
    .from(competitors)
    .leftJoin(clientCompetitors, eq(clientCompetitors.competitorId, competitors.id))
    .leftJoin(clients, and(eq(clients.id, clientCompetitors.clientId), visibility))
    .groupBy(competitors.id)
    .orderBy(asc(competitors.name));
}

/** One competitor and the visible clients it competes for. */
export async function getCompetitor(viewer: CurrentUser, competitorId: string) {
  if (!can(viewer, 'clients.read')) forbidden();
  const [competitor] = await db.select().from(competitors).where(eq(competitors.id, competitorId));
  if (!competitor) notFound();
  const linked = await db
    .select({ id: clients.id, name: clients.name, status: clients.status })
    .from(clientCompetitors)
    .innerJoin(clients, eq(clients.id, clientCompetitors.clientId))
    .where(and(eq(clientCompetitors.competitorId, competitorId), await visibleClients(viewer)))
    .orderBy(asc(clients.name));
  return { ...competitor, clients: linked };
}

/** Names for the competitor picker on a client page. */
export async function listCompetitorOptions(viewer: CurrentUser) {
  if (!can(viewer, 'clients.read')) forbidden();
  return db
    .select({ id: competitors.id, name: competitors.name })
    .from(competitors)
    .orderBy(asc(competitors.name));
}

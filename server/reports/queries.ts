import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { clients, users } from '@/db/schema';
import type { CurrentUser } from '@/server/auth/session';
import { visibleClients } from '@/server/clients/visibility';
import { dashboardScope } from './pipeline';

/** The people a report's owner and coordinator filters offer: active executives, managers, coordinators. */
export async function listReportPeople(viewer: CurrentUser) {
  dashboardScope(viewer);
  const people = await db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(eq(users.active, true))
    .orderBy(asc(users.name), asc(users.id));
  return {
    owners: people.filter((person) => person.role !== 'coordinator'),
    coordinators: people.filter((person) => person.role === 'coordinator'),
  };
}

/** The name of the client a report is filtered to, if the viewer sees it. */
export async function getReportClientName(viewer: CurrentUser, clientId: string | undefined) {
  if (!clientId) return null;
  const [client] = await db
    .select({ name: clients.name })
    .from(clients)
    .where(and(inArray(clients.id, [clientId]), await visibleClients(viewer)))
    .limit(1);
  return client?.name ?? null;
}

import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import type { CurrentUser } from '@/server/auth/session';
import { findVisibleClient } from '@/server/clients/queries';
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
  return clientId ? ((await findVisibleClient(viewer, clientId))?.name ?? null) : null;
}

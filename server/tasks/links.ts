import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Transaction } from '@/db/client';
import { clients, deals, feedback, proposals } from '@/db/schema';
import type { TaskLinkKind } from '@/lib/tasks';
import type { CurrentUser } from '@/server/auth/session';
import { visibleThroughClient } from '@/server/clients/visibility';
import { ActionError } from '@/server/errors';

type LinkTable = { table: PgTable; id: PgColumn; clientId: PgColumn };

/**
 * Where each kind of linked record lives and which column names its account. Meetings are their
 * own domain and join this map with it; until then a task cannot point at one.
 */
const linkTables: Partial<Record<TaskLinkKind, LinkTable>> = {
  client: { table: clients, id: clients.id, clientId: clients.id },
  deal: { table: deals, id: deals.id, clientId: deals.clientId },
  proposal: { table: proposals, id: proposals.id, clientId: proposals.clientId },
  feedback: { table: feedback, id: feedback.id, clientId: feedback.clientId },
};

/** The account of the record a task links to, which the user must see; refused otherwise. */
export async function resolveTaskLink(
  tx: Transaction,
  user: CurrentUser,
  kind: TaskLinkKind,
  id: string,
): Promise<string> {
  const link = linkTables[kind];
  if (!link) {
    throw new ActionError('Check the highlighted fields.', {
      linkKind: ['Tasks cannot be linked to this kind of record yet.'],
    });
  }
  const [row] = await tx
    .select({ clientId: link.clientId })
    .from(link.table)
    .where(and(eq(link.id, id), await visibleThroughClient(user, link.clientId)))
    .limit(1);
  if (!row) {
    throw new ActionError('Check the highlighted fields.', {
      linkId: ['This record does not exist or is not visible to you.'],
    });
  }
  return row.clientId as string;
}

import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Transaction } from '@/db/client';
import { clients, deals, feedback, meetings, proposals } from '@/db/schema';
import type { TaskLinkKind } from '@/lib/tasks';
import type { CurrentUser } from '@/server/auth/session';
import { visibleThroughClient } from '@/server/clients/visibility';
import { ActionError } from '@/server/errors';

type LinkTable = { table: PgTable; id: PgColumn; clientId: PgColumn };

/** Where each kind of linked record lives and which column names its account. */
const linkTables: Record<TaskLinkKind, LinkTable> = {
  client: { table: clients, id: clients.id, clientId: clients.id },
  deal: { table: deals, id: deals.id, clientId: deals.clientId },
  proposal: { table: proposals, id: proposals.id, clientId: proposals.clientId },
  meeting: { table: meetings, id: meetings.id, clientId: meetings.clientId },
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
  const [row] = await tx
    .select({ clientId: link.clientId })
    .from(link.table)
    .where(and(eq(link.id, id), await visibleThroughClient(user, link.clientId)))
    .limit(1);
  if (!row) {
    throw new ActionError(
      'Check the highlighted fields.',
      { linkId: ['This record does not exist or is not visible to you.'] },
      'not_found',
    );
  }
  return row.clientId as string;
}

import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { clients, clientTags, tags, type Client } from '@/db/schema';
import { clientStatusLabels } from '@/lib/clients';
import { bulkCap, type BulkOutcome, type BulkSelection } from '@/lib/bulk';
import {
  bulkClientStatusSchema,
  bulkReassignClientsSchema,
  bulkTagClientsSchema,
  clientListSchema,
} from '@/lib/validation/clients';
import { defineAction } from '@/server/action';
import { can } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';
import { runBulk } from '@/server/bulk/run-bulk';
import { clientListWhere } from './list-query';
import { assertActiveUser, recordChange } from './records';
import { visibleClients } from './visibility';
import { rerouteHiddenReviews } from '@/server/proposals/reroute-reviews';

/**
 * Locks the selected clients the user may see, in id order (so two bulk actions never deadlock),
 * and runs `change` on each still as it was shown. "All matching" re-runs the list's filter here:
 * the browser never sends a list of thousands of ids.
 */
async function eachClient(
  tx: Transaction,
  user: CurrentUser,
  selection: BulkSelection,
  change: (client: Client) => Promise<BulkOutcome>,
) {
  const visibility = await visibleClients(user);
  const where =
    selection.mode === 'rows'
      ? and(
          inArray(
            clients.id,
            selection.rows.map((row) => row.id),
          ),
          visibility,
        )
      : clientListWhere(visibility, clientListSchema.parse(selection.filter));
  const found = await tx
    .select()
    .from(clients)
    .where(where)
    .orderBy(asc(clients.id))
    .limit(bulkCap + 1)
    .for('update');
  return runBulk(selection, found, 'clients', change);
}

const bumpVersion = { version: sql`${clients.version} + 1` };

export const bulkReassignClientsCommand = defineAction({
  schema: bulkReassignClientsSchema,
  permission: 'clients.reassign',
  async run(input, context) {
    const { tx, user, audit } = context;
    const field = input.role === 'owner' ? 'ownerId' : 'coordinatorId';
    await assertActiveUser(tx, input.userId, 'userId');
    const summary = await eachClient(tx, user, input.selection, async (client) => {
      if (!can(user, 'clients.reassign', { ownerId: client.ownerId })) return 'forbidden';
      if (client[field] === input.userId) return 'unchanged';
      await tx
        .update(clients)
        .set({ [field]: input.userId, ...bumpVersion })
        .where(eq(clients.id, client.id));
      await recordChange(tx, client.id, user.id, `Reassigned ${input.role}`);
      await audit({
        action: 'client.reassigned',
        entityType: 'client',
        entityId: client.id,
        before: { [field]: client[field] },
        after: { [field]: input.userId, bulk: true },
      });
      return 'changed';
    });
    // As for one reassignment: reviews whose reviewer no longer sees the account move on.
    await rerouteHiddenReviews(context, {});
    return summary;
  },
});

/** The tag named `name` (case-insensitively), created when adding and it does not exist yet. */
async function findTag(tx: Transaction, name: string, create: boolean) {
  if (create) await tx.insert(tags).values({ name }).onConflictDoNothing();
  const [tag] = await tx
    .select({ id: tags.id, name: tags.name })
    .from(tags)
    .where(eq(sql`lower(${tags.name})`, name.toLowerCase()))
    .limit(1);
  return tag;
}

export const bulkTagClientsCommand = defineAction({
  schema: bulkTagClientsSchema,
  permission: 'clients.write',
  async run(input, { tx, user, audit }) {
    const adding = input.operation === 'add';
    // Looked up (and created) at the first client it reaches: when every selected client is
    // skipped, hidden ones included, the action adds no tag either.
    let tagLookup: ReturnType<typeof findTag> | undefined;
    return eachClient(tx, user, input.selection, async (client) => {
      tagLookup ??= findTag(tx, input.tag, adding);
      const tag = await tagLookup;
      if (!tag) return 'unchanged';
      const touched = adding
        ? await tx
            .insert(clientTags)
            .values({ clientId: client.id, tagId: tag.id })
            .onConflictDoNothing()
            .returning({ tagId: clientTags.tagId })
        : await tx
            .delete(clientTags)
            .where(and(eq(clientTags.clientId, client.id), eq(clientTags.tagId, tag.id)))
            .returning({ tagId: clientTags.tagId });
      if (touched.length === 0) return 'unchanged';
      // Tags are part of the client's form, so a form open on the old tags must not save over these.
      await tx.update(clients).set(bumpVersion).where(eq(clients.id, client.id));
      await recordChange(
        tx,
        client.id,
        user.id,
        adding ? `Tagged ${tag.name}` : `Removed tag ${tag.name}`,
      );
      await audit({
        action: adding ? 'client.tagged' : 'client.untagged',
        entityType: 'client',
        entityId: client.id,
        ...(adding ? { after: { tag: tag.name, bulk: true } } : { before: { tag: tag.name } }),
      });
      return 'changed';
    });
  },
});

export const bulkClientStatusCommand = defineAction({
  schema: bulkClientStatusSchema,
  permission: 'clients.write',
  async run(input, { tx, user, audit }) {
    return eachClient(tx, user, input.selection, async (client) => {
      if (client.status === input.status) return 'unchanged';
      await tx
        .update(clients)
        .set({ status: input.status, ...bumpVersion })
        .where(eq(clients.id, client.id));
      await recordChange(
        tx,
        client.id,
        user.id,
        `Changed status to ${clientStatusLabels[input.status]}`,
      );
      await audit({
        action: 'client.updated',
        entityType: 'client',
        entityId: client.id,
        before: { status: client.status },
        after: { status: input.status, bulk: true },
      });
      return 'changed';
    });
  },
});

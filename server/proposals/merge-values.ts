import 'server-only';
import { and, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '@/db/client';
import {
  clients,
  contacts,
  deals,
  users,
  type Client,
  type Deal,
  type Proposal,
} from '@/db/schema';
import { formatDate, formatMoney, viewerFormat, type ViewerFormat } from '@/lib/format';
import type { MergeValues } from '@/lib/merge-fields';

/** Today's calendar date where the user is, as YYYY-MM-DD. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(now);
}

/** What the merge fields of a proposal are filled with, read through `executor` (the caller's transaction). */
export async function mergeValuesFor(
  executor: Executor,
  client: Client,
  deal: Deal | null,
  author: { name: string | null } & ViewerFormat,
): Promise<MergeValues> {
  const owners = alias(users, 'owners');
  const [[contact], [owner]] = await Promise.all([
    executor
      .select({ name: contacts.name, title: contacts.title, email: contacts.email })
      .from(contacts)
      .where(and(eq(contacts.clientId, client.id), eq(contacts.isPrimary, true)))
      .limit(1),
    executor
      .select({ name: owners.name, email: owners.email })
      .from(clients)
      .innerJoin(owners, eq(owners.id, clients.ownerId))
      .where(eq(clients.id, client.id)),
  ]);
  return {
    'client.name': client.name,
    'client.industry': client.industry,
    'client.website': client.website,
    'contact.name': contact?.name,
    'contact.title': contact?.title,
    'contact.email': contact?.email,
    'deal.name': deal?.name,
    // A deal of zero has no amount yet: "$0.00" in a proposal is never what was meant.
    'deal.amount':
      deal && deal.amountCents > 0
        ? formatMoney(deal.amountCents, deal.currency, author.locale)
        : null,
    'deal.expected_close': deal?.expectedClose ? formatDate(deal.expectedClose, author) : null,
    'owner.name': owner?.name,
    'owner.email': owner?.email,
    'author.name': author.name,
    today: formatDate(todayIn(author.timeZone), author),
  };
}

/**
 * The merge values of an existing proposal now: its client, deal and author as they are today
 * (`fallback`'s zone and format for the date when the author is gone).
 */
export async function currentMergeValues(
  executor: Executor,
  proposal: Pick<Proposal, 'clientId' | 'dealId' | 'authorId'>,
  fallback: ViewerFormat,
): Promise<MergeValues> {
  const [[client], [deal], [author]] = await Promise.all([
    executor.select().from(clients).where(eq(clients.id, proposal.clientId)),
    proposal.dealId
      ? executor.select().from(deals).where(eq(deals.id, proposal.dealId))
      : Promise.resolve([]),
    proposal.authorId
      ? executor
          .select({ name: users.name, timeZone: users.timeZone, locale: users.locale })
          .from(users)
          .where(eq(users.id, proposal.authorId))
      : Promise.resolve([]),
  ]);
  if (!client) return {};
  return mergeValuesFor(
    executor,
    client,
    deal ?? null,
    author ?? { name: null, ...viewerFormat(fallback) },
  );
}

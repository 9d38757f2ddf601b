import 'server-only';
import { and, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Transaction } from '@/db/client';
import { clients, contacts, users, type Client, type Deal } from '@/db/schema';
import { formatDate, formatMoney, type ViewerFormat } from '@/lib/format';
import type { MergeValues } from '@/lib/merge-fields';

/** Today's calendar date where the user is, as YYYY-MM-DD. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(now);
}

/** What the merge fields of a new proposal are filled with, read in the caller's transaction. */
export async function mergeValuesFor(
  tx: Transaction,
  client: Client,
  deal: Deal | null,
  author: { name: string } & ViewerFormat,
): Promise<MergeValues> {
  const owners = alias(users, 'owners');
  const [[contact], [owner]] = await Promise.all([
    tx
      .select({ name: contacts.name, title: contacts.title, email: contacts.email })
      .from(contacts)
      .where(and(eq(contacts.clientId, client.id), eq(contacts.isPrimary, true)))
      .limit(1),
    tx
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
    'deal.amount': deal ? formatMoney(deal.amountCents, deal.currency, author.locale) : null,
    'deal.expected_close': deal?.expectedClose ? formatDate(deal.expectedClose, author) : null,
    'owner.name': owner?.name,
    'owner.email': owner?.email,
    'author.name': author.name,
    today: formatDate(todayIn(author.timeZone), author),
  };
}

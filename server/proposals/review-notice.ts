import 'server-only';
import { clients, proposals } from '@/db/schema';
import { formatMoney } from '@/lib/format';

/**
 * What moving or escalating a review reads of each proposal (select from proposals joined with
 * clients): who wrote it, who covers for the reviewer, and what the notification names.
 */
export const reviewNoticeColumns = {
  id: proposals.id,
  title: proposals.title,
  clientId: proposals.clientId,
  clientName: clients.name,
  authorId: proposals.authorId,
  backupReviewerId: proposals.backupReviewerId,
  amountCents: proposals.amountCents,
  currency: proposals.currency,
};

/** A review notification's opening: the account and the amount. */
export function reviewNoticeLead(proposal: {
  clientName: string;
  amountCents: number;
  currency: string;
}) {
  return `${proposal.clientName} · ${formatMoney(proposal.amountCents, proposal.currency)}.`;
}

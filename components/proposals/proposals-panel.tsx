import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { formatMoney } from '@/lib/format';
import type { ProposalStatus } from '@/lib/proposals';
import { ProposalStatusBadge } from './proposal-status-badge';

/** The proposals of a client or a deal, newest first, with the way to write another. */
export function ProposalsPanel({
  newHref,
  empty,
  proposals,
  locale,
}: {
  /** Where "New proposal" starts, preset to the client or deal. */
  newHref: string;
  empty: string;
  locale: string;
  proposals: {
    id: string;
    title: string;
    status: ProposalStatus;
    amountCents: number;
    currency: string;
  }[];
}) {
  return (
    <Card
      title="Proposals"
      actions={
        <Link href={newHref} className="text-sm font-medium text-brand-700 hover:underline">
          New proposal
        </Link>
      }
    >
      {proposals.length === 0 ? (
        <p className="text-sm text-slate-600">{empty}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {proposals.map((proposal) => (
            <li key={proposal.id} className="flex items-center justify-between gap-3 py-2 text-sm">
              <Link
                href={`/proposals/${proposal.id}`}
                className="font-medium text-brand-700 hover:underline"
              >
                {proposal.title}
              </Link>
              <span className="flex shrink-0 items-center gap-2">
                <span className="tabular-nums">
                  {formatMoney(proposal.amountCents, proposal.currency, locale)}
                </span>
                <ProposalStatusBadge status={proposal.status} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

import { FilePlus } from 'lucide-react';
import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';
import { Badge, Card } from '@/components/ui/card';
import { formatMoney } from '@/lib/format';
import { proposalStatusLabels } from '@/lib/proposals';
import type { DealDetail } from '@/server/deals/queries';

/** The proposals written for a deal, with the way to write another. */
export function DealProposals({
  dealId,
  proposals,
}: {
  dealId: string;
  proposals: DealDetail['proposals'];
}) {
  return (
    <Card
      title="Proposals"
      actions={
        <Link href={`/proposals/new?dealId=${dealId}`} className={buttonClasses('secondary')}>
          <FilePlus aria-hidden className="size-4" />
          New proposal
        </Link>
      }
    >
      {proposals.length === 0 ? (
        <p className="text-sm text-slate-600">No proposals for this deal yet.</p>
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
              <span className="flex items-center gap-3">
                <Badge>{proposalStatusLabels[proposal.status]}</Badge>
                {formatMoney(proposal.amountCents, proposal.currency)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

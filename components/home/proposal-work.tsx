import Link from 'next/link';
import { ProposalStatusBadge } from '@/components/proposals/proposal-status-badge';
import { Card } from '@/components/ui/card';
import { formatMoney } from '@/lib/format';
import type { ProposalStatus } from '@/lib/proposals';

type Item = {
  id: string;
  title: string;
  clientName: string;
  amountCents: number;
  currency: string;
  status?: ProposalStatus;
};

/** A short list of proposals that wait on the viewer, with a link to the whole list. */
export function ProposalWork({
  title,
  items,
  empty,
  moreHref,
  moreLabel,
  locale,
}: {
  title: string;
  items: Item[];
  empty: string;
  moreHref: string;
  moreLabel: string;
  locale: string;
}) {
  return (
    <Card
      title={title}
      actions={
        <Link href={moreHref} className="text-sm font-medium text-brand-700 hover:underline">
          {moreLabel}
        </Link>
      }
    >
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">{empty}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {items.map((item) => (
            <li key={item.id} className="flex items-center justify-between gap-3 py-2 text-sm">
              <span>
                <Link
                  href={`/proposals/${item.id}`}
                  className="font-medium text-brand-700 hover:underline"
                >
                  {item.title}
                </Link>
                <span className="block text-slate-500">{item.clientName}</span>
              </span>
              <span className="flex shrink-0 items-center gap-2">
                <span className="tabular-nums">
                  {formatMoney(item.amountCents, item.currency, locale)}
                </span>
                {item.status ? <ProposalStatusBadge status={item.status} /> : null}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

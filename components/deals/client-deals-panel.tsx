import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { formatDate, formatMoney } from '@/lib/format';
import type { ClientDealRow } from '@/server/deals/queries';
import { DealStageBadge } from './deal-stage-badge';

/** The client page's deals, newest first, with the way to add one for this client. */
export function ClientDealsPanel({
  clientId,
  deals,
  locale,
}: {
  clientId: string;
  deals: ClientDealRow[];
  locale: string;
}) {
  return (
    <Card
      title="Deals"
      actions={
        <Link href={`/pipeline/new?clientId=${clientId}`} className={buttonClasses('secondary')}>
          New deal
        </Link>
      }
    >
      {deals.length === 0 ? (
        <p className="text-sm text-slate-600">No deals with this client yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {deals.map((deal) => (
            <li
              key={deal.id}
              className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
            >
              <div className="min-w-0">
                <Link
                  href={`/deals/${deal.id}`}
                  className="font-medium text-brand-700 hover:underline"
                >
                  {deal.name}
                </Link>
                <p className="text-xs text-slate-600">
                  Close {formatDate(deal.expectedClose, { locale })} · {deal.probability}%
                </p>
              </div>
              <span className="flex items-center gap-3">
                <DealStageBadge stage={deal.stage} />
                {formatMoney(deal.amountCents, deal.currency, locale)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { budgetTotals } from '@/lib/campaigns';
import { formatMoney, type ViewerFormat } from '@/lib/format';
import type { CampaignPanelRow } from '@/server/campaigns/queries';
import { CampaignStatusBadge } from './campaign-status-badge';

/** Campaigns of a client (or linked to a deal or meeting), with each one's use of its plan. */
export function CampaignsPanel({
  campaigns,
  viewer,
  newCampaignFor,
  empty = 'No campaigns yet.',
}: {
  campaigns: CampaignPanelRow[];
  viewer: ViewerFormat;
  /** The client a "New campaign" button starts one for; none on a deal or meeting page. */
  newCampaignFor?: string;
  empty?: string;
}) {
  return (
    <Card
      title="Campaigns"
      actions={
        newCampaignFor ? (
          <Link
            href={`/campaigns/new?clientId=${newCampaignFor}`}
            className={buttonClasses('secondary')}
          >
            New campaign
          </Link>
        ) : null
      }
    >
      {campaigns.length === 0 ? (
        <p className="text-sm text-slate-600">{empty}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {campaigns.map((campaign) => {
            const totals = budgetTotals(
              campaign.plannedCents,
              campaign.committedCents,
              campaign.spentCents,
            );
            return (
              <li
                key={campaign.id}
                className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
              >
                <Link
                  href={`/campaigns/${campaign.id}`}
                  className="font-medium break-words text-brand-700 hover:underline"
                >
                  {campaign.name}
                </Link>
                <span className="flex shrink-0 flex-wrap items-center gap-2">
                  <span
                    className={totals.overBudget ? 'text-red-700 tabular-nums' : 'tabular-nums'}
                  >
                    {formatMoney(totals.usedCents, campaign.currency, viewer.locale)} of{' '}
                    {formatMoney(totals.plannedCents, campaign.currency, viewer.locale)}
                  </span>
                  <CampaignStatusBadge status={campaign.status} />
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}

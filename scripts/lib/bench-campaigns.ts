import { campaignListSchema } from '@/lib/validation/campaigns';
import type { CurrentUser } from '@/server/auth/session';
import { campaignTotalsQuery, getCampaignBudgetTotals } from '@/server/campaigns/budget-totals';
import { campaignListQuery, campaignListWhere } from '@/server/campaigns/list-query';
import { listCampaigns } from '@/server/campaigns/queries';

/**
 * The campaigns list by default, over budget and sorted by what remains: the page of rows and the
 * per-currency totals the page shows above them, both read from the sums kept on each campaign.
 */
export function campaignBenchScenarios(manager: CurrentUser) {
  const lists: [string, Record<string, string>][] = [
    ['campaigns list (default)', {}],
    ['campaigns list (over budget)', { over: '1' }],
    ['campaigns list (by remaining)', { sort: 'remaining', dir: 'asc' }],
  ];
  return lists.map(([name, params]) => {
    const parsed = campaignListSchema.parse(params);
    return {
      name,
      request: { path: `/campaigns?${new URLSearchParams(params)}` },
      run: () =>
        Promise.all([listCampaigns(manager, parsed), getCampaignBudgetTotals(manager, parsed)]),
      list: true,
      plan: async () => {
        const where = campaignListWhere(undefined, parsed);
        return [
          campaignListQuery(where, parsed).limit(parsed.size).toSQL(),
          campaignTotalsQuery(where).toSQL(),
        ];
      },
    };
  });
}

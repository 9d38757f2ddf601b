import 'server-only';
import { and, eq, inArray, ne, or } from 'drizzle-orm';
import { db } from '@/db/client';
import { campaigns, clients } from '@/db/schema';
import { budgetTotals } from '@/lib/campaigns';
import { chartCurrency, type ReportResult, type ReportRow } from '@/lib/report-catalog';
import { campaignBudgetsQuery, campaignTotalsQuery } from '@/server/campaigns/budget-totals';
import { campaignListWhere } from '@/server/campaigns/list-query';
import { throughAccounts, type ReportContext, type ReportOutput } from './context';

/**
 * The campaigns the report lists at most, least remaining first: a screenful on the page (a
 * hundred rows made it the heaviest page in Accord), a few pages in the PDF, every one in the CSV
 * short of a spreadsheet's patience. The per-currency totals always count every campaign.
 */
export const campaignBudgetRowLimits: Record<ReportOutput, number> = {
  screen: 25,
  pdf: 100,
  csv: 10_000,
};

/**
 * The campaigns the report counts: not cancelled, running on some day of the range, on accounts
 * the viewer sees (owned as the filters say); a coordinator's are the campaigns they coordinate
 * and those on the accounts they coordinate.
 */
export function campaignBudgetWhere(context: ReportContext) {
  const { owner, coordinator, client } = context.filters;
  return and(
    campaignListWhere(
      throughAccounts({ ...context, filters: { owner, client } }, campaigns.clientId),
      {
        from: context.range.from,
        to: context.range.to,
      },
    ),
    ne(campaigns.status, 'cancelled'),
    coordinator
      ? or(
          eq(campaigns.coordinatorId, coordinator),
          inArray(
            campaigns.clientId,
            db
              .select({ id: clients.id })
              .from(clients)
              .where(eq(clients.coordinatorId, coordinator)),
          ),
        )
      : undefined,
  );
}

function figures(plannedCents: number, committedCents: number, spentCents: number) {
  const totals = budgetTotals(plannedCents, committedCents, spentCents);
  return {
    cells: {
      planned: plannedCents,
      committed: committedCents,
      spent: spentCents,
      remaining: totals.remainingCents,
      used: totals.percentUsed === null ? null : totals.percentUsed / 100,
      flag: totals.overBudget ? 'Over budget' : '',
    },
    overBudget: totals.overBudget,
  };
}

export async function campaignBudgetReport(context: ReportContext): Promise<ReportResult> {
  const where = campaignBudgetWhere(context);
  const [budgets, totals] = await Promise.all([
    campaignBudgetsQuery(where, campaignBudgetRowLimits[context.output]),
    campaignTotalsQuery(where),
  ]);
  const search = new URLSearchParams({ from: context.range.from, to: context.range.to });
  if (context.filters.client) search.set('client', context.filters.client);
  const listHref = `/campaigns?${search.toString()}`;
  const overSearch = new URLSearchParams(search);
  overSearch.set('over', '1');
  const overHref = `/campaigns?${overSearch.toString()}`;
  const rows: ReportRow[] = budgets.map((budget) => {
    const { cells, overBudget } = figures(
      budget.plannedCents,
      budget.committedCents,
      budget.spentCents,
    );
    return {
      key: budget.id,
      currency: budget.currency,
      cells: { campaign: budget.name, client: budget.clientName, ...cells },
      links: {
        campaign: `/campaigns/${budget.id}`,
        client: `/campaigns?${new URLSearchParams({ ...Object.fromEntries(search), client: budget.clientId }).toString()}`,
        ...(overBudget ? { flag: overHref } : {}),
      },
    };
  });
  for (const total of totals) {
    const { cells } = figures(total.plannedCents, total.committedCents, total.spentCents);
    rows.push({
      key: `total-${total.currency}`,
      currency: total.currency,
      total: true,
      cells: {
        campaign: `Total ${total.currency}`,
        client: `${total.campaigns} ${total.campaigns === 1 ? 'campaign' : 'campaigns'}`,
        ...cells,
      },
      links: { campaign: listHref, flag: overHref },
    });
  }
  const counted = totals.reduce((sum, total) => sum + total.campaigns, 0);
  const notes = [
    'Campaigns running on some day of the period, cancelled ones left out; committed and spent are as of now.',
  ];
  if (counted > budgets.length) {
    const more =
      context.output === 'csv'
        ? ''
        : ` The CSV lists up to ${campaignBudgetRowLimits.csv.toLocaleString('en-US')}.`;
    notes.push(
      `The table lists the ${budgets.length} campaigns with the least remaining of ${counted}; the totals count them all.${more}`,
    );
  }
  return {
    columns: [
      { key: 'campaign', label: 'Campaign', kind: 'text' },
      { key: 'client', label: 'Client', kind: 'text' },
      { key: 'planned', label: 'Planned', kind: 'money' },
      { key: 'committed', label: 'Committed', kind: 'money' },
      { key: 'spent', label: 'Spent', kind: 'money' },
      { key: 'remaining', label: 'Remaining', kind: 'money' },
      { key: 'used', label: 'Used', kind: 'percent' },
      { key: 'flag', label: 'Budget', kind: 'text' },
    ],
    rows,
    chart: {
      labelColumn: 'campaign',
      barColumns: ['planned', 'committed', 'spent'],
      currency: chartCurrency(rows.filter((row) => !row.total)),
    },
    notes,
  };
}

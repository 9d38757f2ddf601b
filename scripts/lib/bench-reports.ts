import { reportKeys, type ReportKey } from '@/lib/report-catalog';
import { reportParamsSchema } from '@/lib/validation/reports';
import type { CurrentUser } from '@/server/auth/session';
import { campaignBudgetsQuery, campaignTotalsQuery } from '@/server/campaigns/budget-totals';
import { signedContractsQuery, wonDealsQuery } from '@/server/reports/bookings-report';
import {
  campaignBudgetRowLimit,
  campaignBudgetWhere,
} from '@/server/reports/campaign-budget-report';
import { reportContext, type ReportContext } from '@/server/reports/context';
import { feedbackSlaQueries } from '@/server/reports/feedback-sla-report';
import { invoicedQuery } from '@/server/reports/invoice-aging-report';
import { pipelineReportQuery } from '@/server/reports/pipeline-report';
import { turnaroundQueries } from '@/server/reports/proposal-turnaround-report';
import { runReport } from '@/server/reports/registry';
import { closedDealsQuery } from '@/server/reports/win-rate-report';

type Statement = { toSQL: () => { sql: string; params: unknown[] } };

/** The statements of each report whose plans the bench checks (workload reads per coordinator). */
const reportStatements: Partial<Record<ReportKey, (context: ReportContext) => Statement[]>> = {
  pipeline: (context) => [pipelineReportQuery(context)],
  bookings: (context) => [wonDealsQuery(context), signedContractsQuery(context)],
  'win-rate': (context) => [closedDealsQuery(context)],
  'proposal-turnaround': (context) => {
    const queries = turnaroundQueries(context, 24);
    return [...queries.sent, ...queries.reviews];
  },
  'feedback-sla': (context) => feedbackSlaQueries(context),
  'invoice-aging': (context) => [invoicedQuery(context)],
  'campaign-budget': (context) => [
    campaignBudgetsQuery(campaignBudgetWhere(context), campaignBudgetRowLimit),
    campaignTotalsQuery(campaignBudgetWhere(context)),
  ],
};

/** Every report for the whole team over the last twelve months, each beside its direct query. */
export function reportBenchScenarios(manager: CurrentUser) {
  const params = reportParamsSchema.parse({ range: 'last12Months' });
  return reportKeys.map((key) => ({
    name: `report: ${key} (team, 12 months)`,
    request: { path: `/reports/${key}?range=last12Months` },
    run: () => runReport(manager, key, params),
    plan: async () => {
      const statements = reportStatements[key];
      if (!statements) return [];
      const context = await reportContext(manager, params);
      return statements(context).map((statement) => statement.toSQL());
    },
  }));
}

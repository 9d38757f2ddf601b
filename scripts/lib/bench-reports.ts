import { PgDialect } from 'drizzle-orm/pg-core';
import { invoices } from '@/db/schema';
import { reportKeys, type ReportKey } from '@/lib/report-catalog';
import { reportParamsSchema } from '@/lib/validation/reports';
import { campaignBudgetsQuery, campaignTotalsQuery } from '@/server/campaigns/budget-totals';
import { todayUtc } from '@/server/invoices/commands';
import { agingTotalsQuery } from '@/server/invoices/queries';
import { signedContractsQuery, wonDealsQuery } from '@/server/reports/bookings-report';
import {
  campaignBudgetRowLimits,
  campaignBudgetWhere,
} from '@/server/reports/campaign-budget-report';
import { reportContext, throughAccounts, type ReportContext } from '@/server/reports/context';
import { feedbackSlaQueries } from '@/server/reports/feedback-sla-report';
import { invoicedQuery } from '@/server/reports/invoice-aging-report';
import { pipelineReportQuery } from '@/server/reports/pipeline-report';
import { turnaroundQueries } from '@/server/reports/proposal-turnaround-report';
import { runReport } from '@/server/reports/registry';
import { closedDealsQuery } from '@/server/reports/win-rate-report';
import type { BenchViewers, DomainScenario } from './bench-domains';

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
  'invoice-aging': (context) => [
    invoicedQuery(context),
    {
      toSQL: () =>
        new PgDialect().sqlToQuery(
          agingTotalsQuery(
            throughAccounts(context, invoices.clientId),
            context.range.to,
            todayUtc(context.now),
          ),
        ),
    },
  ],
  'campaign-budget': (context) => [
    campaignBudgetsQuery(campaignBudgetWhere(context), campaignBudgetRowLimits.screen),
    campaignTotalsQuery(campaignBudgetWhere(context)),
  ],
};

/**
 * Every report for the whole team over the last twelve months, each beside its direct query; and
 * those read from the rollups for an executive's book and a coordinator's own numbers.
 */
export function reportBenchScenarios(viewers: BenchViewers): DomainScenario[] {
  const params = reportParamsSchema.parse({ range: 'last12Months' });
  const scenario = (key: ReportKey, role: keyof BenchViewers, label: string): DomainScenario => ({
    name: `report: ${key} (${label}, 12 months)`,
    request: { path: `/reports/${key}?range=last12Months` },
    role,
    run: () => runReport(viewers[role], key, params),
    plan: async () => {
      const statements = reportStatements[key];
      if (!statements) return [];
      const context = await reportContext(viewers[role], params);
      return statements(context).map((statement) => statement.toSQL());
    },
  });
  const rolledUp: ReportKey[] = ['proposal-turnaround', 'feedback-sla'];
  return [
    ...reportKeys.map((key) => scenario(key, 'manager', 'team')),
    ...rolledUp.flatMap((key) => [
      scenario(key, 'executive', "executive's book"),
      scenario(key, 'coordinator', "coordinator's own"),
    ]),
  ];
}

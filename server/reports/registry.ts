import 'server-only';
import type { ReportKey, ReportResult } from '@/lib/report-catalog';
import type { ReportParams } from '@/lib/validation/reports';
import type { CurrentUser } from '@/server/auth/session';
import { bookingsReport } from './bookings-report';
import { campaignBudgetReport } from './campaign-budget-report';
import { reportContext, type ReportContext, type ReportOutput } from './context';
import { feedbackSlaReport } from './feedback-sla-report';
import { invoiceAgingReport } from './invoice-aging-report';
import { pipelineReport } from './pipeline-report';
import { proposalTurnaroundReport } from './proposal-turnaround-report';
import { winRateReport } from './win-rate-report';
import { workloadReport } from './workload-report';

/** Each report's figures; adding a report is one line here and one entry in lib/report-catalog. */
const reportRunners: Record<ReportKey, (context: ReportContext) => Promise<ReportResult>> = {
  pipeline: pipelineReport,
  bookings: bookingsReport,
  'win-rate': winRateReport,
  'proposal-turnaround': proposalTurnaroundReport,
  'feedback-sla': feedbackSlaReport,
  'invoice-aging': invoiceAgingReport,
  'campaign-budget': campaignBudgetReport,
  workload: workloadReport,
};

/**
 * A report's figures for the viewer at their scope (whole team, own book or own numbers), over the
 * range and filters asked for, sized for where it goes; 403 for someone with no report permission
 * at all.
 */
export async function runReport(
  viewer: CurrentUser,
  report: ReportKey,
  params: ReportParams,
  now: Date = new Date(),
  output: ReportOutput = 'screen',
) {
  const context = await reportContext(viewer, params, now, output);
  return { context, result: await reportRunners[report](context) };
}

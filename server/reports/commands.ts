import 'server-only';
import { eq } from 'drizzle-orm';
import { reportRuns } from '@/db/schema';
import type { ReportFormat, ReportKey } from '@/lib/report-catalog';
import { fileReportSchema, type ReportParams } from '@/lib/validation/reports';
import { defineAction, type ActionContext } from '@/server/action';
import { storeGeneratedDocument } from '@/server/documents/commands';
import { notFound } from '@/server/errors';
import { renderReport } from './export';
import { getReportClientName } from './queries';

/**
 * Runs a report as the acting user, files it as a document hanging off a new report run, and
 * audits it, in the caller's transaction. Schedules call it too, acting as their manager.
 */
export async function fileReport(
  context: ActionContext,
  input: { report: ReportKey; format: ReportFormat; parameters: ReportParams; scheduleId?: string },
) {
  // A report narrowed to a client the user does not see would file a run about a hidden account.
  const { client } = input.parameters;
  if (client && !(await getReportClientName(context.user, client))) throw notFound('client');
  const rendered = await renderReport(context.user, input.report, input.parameters, input.format);
  const { scope } = rendered.context;
  const [run] = await context.tx
    .insert(reportRuns)
    .values({
      report: input.report,
      format: input.format,
      parameters: input.parameters,
      scope,
      scopeUserId: scope === 'team' ? null : context.user.id,
      runById: context.user.id,
      scheduleId: input.scheduleId ?? null,
      runAt: rendered.context.now,
    })
    .returning({ id: reportRuns.id });
  if (!run) throw new Error('report run not inserted');
  const document = await storeGeneratedDocument(context, {
    recordKind: 'report',
    recordId: run.id,
    name: rendered.name,
    bytes: rendered.bytes,
  });
  await context.tx
    .update(reportRuns)
    .set({ documentId: document.id })
    .where(eq(reportRuns.id, run.id));
  await context.audit({
    action: 'report.filed',
    entityType: 'report_run',
    entityId: run.id,
    after: { report: input.report, format: input.format, parameters: input.parameters, scope },
  });
  return { runId: run.id, documentId: document.id, name: rendered.name };
}

/** "File this report": the report as the viewer sees it now, saved as a CSV or PDF document. */
export const fileReportCommand = defineAction({
  schema: fileReportSchema,
  permission: 'reports.own',
  run: (input, context) => fileReport(context, input),
});

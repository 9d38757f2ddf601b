import 'server-only';
import { and, desc, eq, type SQL } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { documents, reportRuns, users } from '@/db/schema';
import type { ReportKey } from '@/lib/report-catalog';
import { can } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';

/**
 * The runs a viewer may see: managers every run; anyone else the runs of their own book or own
 * numbers, while their role may still run reports at all.
 */
function visibleRuns(viewer: CurrentUser): SQL | undefined {
  if (can(viewer, 'reports.team')) return undefined;
  return eq(reportRuns.scopeUserId, viewer.id);
}

/** A report run the viewer may see, or null. */
export async function findVisibleReportRun(executor: Executor, viewer: CurrentUser, runId: string) {
  if (!can(viewer, 'reports.own')) return null;
  const [run] = await executor
    .select({ id: reportRuns.id })
    .from(reportRuns)
    .where(and(eq(reportRuns.id, runId), visibleRuns(viewer)))
    .limit(1);
  return run ?? null;
}

/** The latest filed runs of a report the viewer may see, newest first, with their documents. */
export async function listReportRuns(viewer: CurrentUser, report?: ReportKey, limit = 20) {
  if (!can(viewer, 'reports.own')) return [];
  return db
    .select({
      id: reportRuns.id,
      report: reportRuns.report,
      format: reportRuns.format,
      parameters: reportRuns.parameters,
      scope: reportRuns.scope,
      runAt: reportRuns.runAt,
      runByName: users.name,
      documentId: documents.id,
      documentName: documents.name,
      scheduleId: reportRuns.scheduleId,
    })
    .from(reportRuns)
    .leftJoin(users, eq(users.id, reportRuns.runById))
    .leftJoin(documents, eq(documents.id, reportRuns.documentId))
    .where(and(report ? eq(reportRuns.report, report) : undefined, visibleRuns(viewer)))
    .orderBy(desc(reportRuns.runAt), desc(reportRuns.id))
    .limit(limit);
}

export type ReportRunRow = Awaited<ReturnType<typeof listReportRuns>>[number];

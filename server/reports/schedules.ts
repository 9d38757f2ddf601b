import 'server-only';
import { and, asc, desc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { db, type Database, type Transaction } from '@/db/client';
import { reportSchedules, users } from '@/db/schema';
import { reportCatalog, type ReportScheduleFrequency } from '@/lib/report-catalog';
import {
  createReportScheduleSchema,
  reportParamsSchema,
  reportScheduleIdSchema,
} from '@/lib/validation/reports';
import { defineAction, type ActionContext } from '@/server/action';
import { recordAudit } from '@/server/audit/record-audit';
import { can } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';
import { ActionError, notFound } from '@/server/errors';
import { notify } from '@/server/notifications/notify';
import { fileReport } from './commands';

/** Recipients must be active managers: only they may open a whole-team report once it is filed. */
async function assertRecipients(tx: Transaction, recipientIds: string[]) {
  const found = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, recipientIds), eq(users.active, true), eq(users.role, 'manager')));
  if (found.length !== recipientIds.length) {
    throw new ActionError('Choose recipients from the list.', {
      recipientIds: ['Recipients must be active managers, who may read whole-team reports.'],
    });
  }
}

export const createReportScheduleCommand = defineAction({
  schema: createReportScheduleSchema,
  permission: 'reports.schedule',
  async run(input, { tx, user, audit }) {
    await assertRecipients(tx, input.recipientIds);
    const [schedule] = await tx
      .insert(reportSchedules)
      .values({ ...input, createdById: user.id })
      .returning({ id: reportSchedules.id });
    if (!schedule) throw new Error('schedule not inserted');
    await audit({
      action: 'report_schedule.created',
      entityType: 'report_schedule',
      entityId: schedule.id,
      after: input,
    });
    return schedule;
  },
});

async function lockSchedule(tx: Transaction, id: string) {
  const [schedule] = await tx
    .select()
    .from(reportSchedules)
    .where(eq(reportSchedules.id, id))
    .for('update');
  if (!schedule) throw notFound('schedule');
  return schedule;
}

export const toggleReportScheduleCommand = defineAction({
  schema: reportScheduleIdSchema,
  permission: 'reports.schedule',
  async run({ id }, { tx, audit }) {
    const schedule = await lockSchedule(tx, id);
    const paused = !schedule.paused;
    await tx.update(reportSchedules).set({ paused }).where(eq(reportSchedules.id, id));
    await audit({
      action: paused ? 'report_schedule.paused' : 'report_schedule.resumed',
      entityType: 'report_schedule',
      entityId: id,
      before: { paused: schedule.paused },
      after: { paused },
    });
    return { id, paused };
  },
});

export const deleteReportScheduleCommand = defineAction({
  schema: reportScheduleIdSchema,
  permission: 'reports.schedule',
  async run({ id }, { tx, audit }) {
    const schedule = await lockSchedule(tx, id);
    await tx.delete(reportSchedules).where(eq(reportSchedules.id, id));
    await audit({
      action: 'report_schedule.deleted',
      entityType: 'report_schedule',
      entityId: id,
      before: { report: schedule.report, frequency: schedule.frequency },
    });
    return { id };
  },
});

/** Every schedule with its recipients' names, for the managers' list. */
export async function listReportSchedules(viewer: CurrentUser) {
  if (!can(viewer, 'reports.schedule')) return [];
  const schedules = await db
    .select({
      id: reportSchedules.id,
      report: reportSchedules.report,
      format: reportSchedules.format,
      frequency: reportSchedules.frequency,
      parameters: reportSchedules.parameters,
      recipientIds: reportSchedules.recipientIds,
      paused: reportSchedules.paused,
      lastRunAt: reportSchedules.lastRunAt,
      createdByName: users.name,
    })
    .from(reportSchedules)
    .leftJoin(users, eq(users.id, reportSchedules.createdById))
    .orderBy(desc(reportSchedules.createdAt), asc(reportSchedules.id));
  const recipientIds = [...new Set(schedules.flatMap((schedule) => schedule.recipientIds))];
  const names = recipientIds.length
    ? await db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(inArray(users.id, recipientIds))
    : [];
  return schedules.map((schedule) => ({
    ...schedule,
    recipientNames: schedule.recipientIds.map(
      (id) => names.find((name) => name.id === id)?.name ?? 'Removed user',
    ),
  }));
}

export type ReportScheduleRow = Awaited<ReturnType<typeof listReportSchedules>>[number];

/** The managers a schedule can be e-mailed to. */
export async function listScheduleRecipients(viewer: CurrentUser) {
  if (!can(viewer, 'reports.schedule')) return [];
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.role, 'manager'), eq(users.active, true)))
    .orderBy(asc(users.name));
}

const periods: Record<ReportScheduleFrequency, string> = { weekly: '7 days', monthly: '1 month' };

/** Schedules whose period has passed since they last ran (or that never ran), not paused. */
function dueSchedules(now: Date) {
  const nowValue = sql`${now.toISOString()}::timestamptz`;
  return and(
    eq(reportSchedules.paused, false),
    or(
      isNull(reportSchedules.lastRunAt),
      ...Object.entries(periods).map(([frequency, period]) =>
        and(
          eq(reportSchedules.frequency, frequency as ReportScheduleFrequency),
          lte(sql`${reportSchedules.lastRunAt} + ${period}::interval`, nowValue),
        ),
      ),
    ),
  );
}

/**
 * Files each due schedule's report, acting as the manager who made it, and notifies its recipients
 * (the e-mail job sends the link to the filed document). One transaction per schedule: the row is
 * locked (SKIP LOCKED) and its `last_run_at` moved on with the filing, so two instances running the
 * job at once file each schedule once. A schedule whose manager left or lost the role is skipped.
 */
export async function runReportSchedules(database: Database, now: Date) {
  let filed = 0;
  for (;;) {
    const done = await database.transaction(async (tx) => {
      const [schedule] = await tx
        .select()
        .from(reportSchedules)
        .where(dueSchedules(now))
        .orderBy(asc(reportSchedules.lastRunAt), asc(reportSchedules.id))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!schedule) return true;
      await tx
        .update(reportSchedules)
        .set({ lastRunAt: now })
        .where(eq(reportSchedules.id, schedule.id));
      const [owner] = await tx
        .select()
        .from(users)
        .where(and(eq(users.id, schedule.createdById), eq(users.active, true)));
      if (!owner || !can(owner, 'reports.schedule')) return false;
      const actor: CurrentUser = {
        id: owner.id,
        name: owner.name,
        email: owner.email,
        role: owner.role,
        timeZone: owner.timeZone,
        locale: owner.locale,
        timeZoneChosen: owner.timeZoneChosenAt !== null,
        mustChangePassword: false,
      };
      const context: ActionContext = {
        user: actor,
        tx,
        client: null,
        audit: (entry) =>
          recordAudit(tx, { ...entry, actorId: actor.id, ip: null, forwardedFor: null }),
      };
      const result = await fileReport(context, {
        report: schedule.report,
        format: schedule.format,
        parameters: reportParamsSchema.parse(schedule.parameters),
        scheduleId: schedule.id,
      });
      await notify(tx, schedule.recipientIds, {
        kind: 'report_filed',
        title: `${reportCatalog[schedule.report].title} filed`,
        body: `Your ${schedule.frequency} report is filed as ${result.name}.`,
        href: `/documents/${result.documentId}`,
        clientId: null,
      });
      filed += 1;
      return false;
    });
    if (done) return { filed };
  }
}

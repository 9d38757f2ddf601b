import 'server-only';
import { and, asc, count, eq, gte, inArray, isNull, lt, lte, ne, or, type SQL } from 'drizzle-orm';
import { db } from '@/db/client';
import { materials, meetingAttendees, meetings, proposals, tasks, users } from '@/db/schema';
import type { ReportResult, ReportRow } from '@/lib/report-catalog';
import { rangeBetween } from '@/lib/report-ranges';
import { addDays, localDateOf, startOfWeek } from '@/lib/zoned-time';
import { overdueMaterials } from '@/server/materials/list-query';
import { throughAccounts, type ReportContext } from './context';

/** The coordinators a workload lists: every active one, or just the one the filters name. */
function coordinatorsQuery(context: ReportContext) {
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(
      and(
        eq(users.role, 'coordinator'),
        eq(users.active, true),
        context.filters.coordinator ? eq(users.id, context.filters.coordinator) : undefined,
      ),
    )
    .orderBy(asc(users.name), asc(users.id));
}

/** The accounts a workload counts; a task on no account counts only when no account filter is set. */
function accountsOfWork(context: ReportContext, clientId: typeof tasks.clientId): SQL | undefined {
  const { owner, client } = context.filters;
  const narrowed = throughAccounts({ ...context, filters: { owner, client } }, clientId);
  if (!narrowed) return undefined;
  return owner || client ? narrowed : or(isNull(clientId), narrowed);
}

/** The four counts per coordinator id, each one grouped query. */
export function workloadQueries(context: ReportContext, coordinatorIds: string[]) {
  const today = localDateOf(context.now, context.viewer.timeZone);
  const week = startOfWeek(today);
  const thisWeek = rangeBetween(week, addDays(week, 6), context.viewer.timeZone);
  const { owner, client } = context.filters;
  const accountFilter = { ...context, filters: { owner, client } };
  return {
    openTasks: db
      .select({ userId: tasks.assigneeId, count: count() })
      .from(tasks)
      .where(
        and(
          inArray(tasks.assigneeId, coordinatorIds),
          eq(tasks.status, 'open'),
          accountsOfWork(context, tasks.clientId),
        ),
      )
      .groupBy(tasks.assigneeId),
    meetingsThisWeek: db
      .select({ userId: meetingAttendees.userId, count: count() })
      .from(meetingAttendees)
      .innerJoin(meetings, eq(meetings.id, meetingAttendees.meetingId))
      .where(
        and(
          inArray(meetingAttendees.userId, coordinatorIds),
          gte(meetingAttendees.startsAt, thisWeek.start),
          lt(meetingAttendees.startsAt, thisWeek.end),
          ne(meetings.status, 'cancelled'),
          throughAccounts(accountFilter, meetings.clientId),
        ),
      )
      .groupBy(meetingAttendees.userId),
    drafts: db
      .select({ userId: proposals.authorId, count: count() })
      .from(proposals)
      .where(
        and(
          inArray(proposals.authorId, coordinatorIds),
          eq(proposals.status, 'draft'),
          throughAccounts(accountFilter, proposals.clientId),
        ),
      )
      .groupBy(proposals.authorId),
    materialsDue: db
      .select({ userId: materials.assigneeId, count: count() })
      .from(materials)
      .where(
        and(
          inArray(materials.assigneeId, coordinatorIds),
          or(
            and(
              ne(materials.status, 'ready'),
              gte(materials.dueDate, context.range.from),
              lte(materials.dueDate, context.range.to),
            ),
            overdueMaterials(today),
          ),
          throughAccounts(accountFilter, materials.clientId),
        ),
      )
      .groupBy(materials.assigneeId),
  };
}

export async function workloadReport(context: ReportContext): Promise<ReportResult> {
  const coordinators = await coordinatorsQuery(context);
  const ids = coordinators.map((coordinator) => coordinator.id);
  const queries = workloadQueries(context, ids);
  const [openTasks, meetingsThisWeek, drafts, materialsDue] = ids.length
    ? await Promise.all([
        queries.openTasks,
        queries.meetingsThisWeek,
        queries.drafts,
        queries.materialsDue,
      ])
    : [[], [], [], []];
  const countOf = (figures: { userId: string | null; count: number }[], userId: string) =>
    figures.find((figure) => figure.userId === userId)?.count ?? 0;
  const rows: ReportRow[] = coordinators.map((coordinator) => ({
    key: coordinator.id,
    currency: null,
    cells: {
      coordinator: coordinator.name,
      openTasks: countOf(openTasks, coordinator.id),
      meetingsThisWeek: countOf(meetingsThisWeek, coordinator.id),
      drafts: countOf(drafts, coordinator.id),
      materialsDue: countOf(materialsDue, coordinator.id),
    },
    links: {
      openTasks: `/tasks?assignee=${coordinator.id}&status=open`,
      drafts: `/proposals?status=draft&author=${coordinator.id}`,
      meetingsThisWeek: `/calendar`,
      materialsDue: `/materials?assignee=${coordinator.id}`,
    },
  }));
  return {
    columns: [
      { key: 'coordinator', label: 'Coordinator', kind: 'text' },
      { key: 'openTasks', label: 'Open tasks', kind: 'count' },
      { key: 'meetingsThisWeek', label: 'Meetings this week', kind: 'count' },
      { key: 'drafts', label: 'Proposal drafts', kind: 'count' },
      { key: 'materialsDue', label: 'Materials due', kind: 'count' },
    ],
    rows,
    chart: {
      labelColumn: 'coordinator',
      barColumns: ['openTasks', 'meetingsThisWeek', 'drafts', 'materialsDue'],
      currency: null,
    },
    notes: [
      'Tasks, meetings and drafts are as of now, whatever the period; materials due are those not ready with a due date in the period, or overdue.',
    ],
  };
}

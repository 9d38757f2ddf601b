import { eq, inArray } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import {
  campaigns,
  clients,
  documents,
  feedback,
  materials,
  invoices,
  meetingAttendees,
  meetings,
  notifications,
  payments,
  proposalReviews,
  reportRuns,
  tasks,
} from '@/db/schema';
import type { ReportKey, ReportResult } from '@/lib/report-catalog';
import { reportParamsSchema, type ReportParams } from '@/lib/validation/reports';
import { executeAction } from '@/server/action';
import type { CurrentUser } from '@/server/auth/session';
import { findDownloadableDocument } from '@/server/documents/queries';
import { fileReportCommand } from '@/server/reports/commands';
import {
  createReportScheduleCommand,
  deleteReportScheduleCommand,
  runReportSchedules,
  toggleReportScheduleCommand,
} from '@/server/reports/schedules';
import { reportCsv } from '@/server/reports/export';
import { runReport } from '@/server/reports/registry';
import { listReportRuns } from '@/server/reports/runs';
import { createClientRecord, setVisibility } from '../support/client-factories';
import { createContractRecord } from '../support/contract-factories';
import { createDealRecord } from '../support/deal-factories';
import { createFeedbackRecord } from '../support/feedback-factories';
import { auditEntriesFor, createActor, expectOk } from '../support/factories';
import { createProposal } from '../support/proposal-factories';

type Team = Record<'manager' | 'exec1' | 'exec2' | 'coord1' | 'coord2', CurrentUser>;
let team: Team;
let clientA: string;
let clientB: string;

// The third quarter of 2026 in UTC, seen from 15 November.
const now = new Date('2026-11-15T12:00:00Z');
const quarter: ReportParams = { range: 'lastQuarter' };
const at = (iso: string) => new Date(iso);

/**
 * Account A is exec1's, coordinated by coord1; account B is exec2's, coordinated by coord2. exec1
 * also owns a won deal on B, which `assigned` visibility hides from them.
 */
beforeAll(async () => {
  team = {
    manager: await createActor('manager'),
    exec1: await createActor('executive'),
    exec2: await createActor('executive'),
    coord1: await createActor('coordinator'),
    coord2: await createActor('coordinator'),
  };
  clientA = (await createClientRecord({ ownerId: team.exec1.id, coordinatorId: team.coord1.id }))
    .id;
  clientB = (await createClientRecord({ ownerId: team.exec2.id, coordinatorId: team.coord2.id }))
    .id;
  const onA = { ownerId: team.exec1.id, coordinatorId: team.coord1.id };
  const onB = { ownerId: team.exec2.id, coordinatorId: team.coord2.id };
  await createDealRecord(clientA, {
    ...onA,
    stage: 'won',
    amountCents: 1_000_000,
    createdAt: at('2026-06-30T12:00:00Z'),
    closedAt: at('2026-07-10T12:00:00Z'),
  });
  await createDealRecord(clientB, {
    ...onB,
    stage: 'won',
    amountCents: 2_000_000,
    createdAt: at('2026-07-06T12:00:00Z'),
    closedAt: at('2026-08-05T12:00:00Z'),
  });
  await createDealRecord(clientB, {
    ownerId: team.exec1.id,
    coordinatorId: team.coord2.id,
    stage: 'won',
    amountCents: 700_000,
    createdAt: at('2026-08-01T12:00:00Z'),
    closedAt: at('2026-08-11T12:00:00Z'),
  });
  await createDealRecord(clientA, { ...onA, stage: 'lost', closedAt: at('2026-08-20T12:00:00Z') });
  // Outside the quarter.
  await createDealRecord(clientA, { ...onA, stage: 'won', closedAt: at('2026-10-02T12:00:00Z') });
  await createDealRecord(clientA, {
    ...onA,
    stage: 'proposal',
    amountCents: 4_000_000,
    probability: 50,
    expectedClose: '2026-09-15',
  });
  await createContractRecord(clientA, {
    status: 'signed',
    valueCents: 500_000,
    signedOn: '2026-07-15',
  });

  const sentOnA = await createProposal(db, {
    clientId: clientA,
    authorId: team.coord1.id,
    status: 'sent',
    createdAt: at('2026-07-01T00:00:00Z'),
    sentAt: at('2026-07-05T00:00:00Z'),
  });
  await db.insert(proposalReviews).values([
    {
      proposalId: sentOnA.id,
      versionNumber: 1,
      decision: 'approved',
      submittedAt: at('2026-07-02T00:00:00Z'),
      createdAt: at('2026-07-02T12:00:00Z'),
    },
    {
      proposalId: sentOnA.id,
      versionNumber: 2,
      decision: 'approved',
      submittedAt: at('2026-07-03T00:00:00Z'),
      createdAt: at('2026-07-05T00:00:00Z'),
    },
  ]);
  await createProposal(db, { clientId: clientA, authorId: team.coord1.id, status: 'draft' });

  await createFeedbackRecord({
    clientId: clientA,
    routedToId: team.coord1.id,
    status: 'acknowledged',
    routedAt: at('2026-08-01T09:00:00Z'),
    acknowledgeDueAt: at('2026-08-02T09:00:00Z'),
    acknowledgedAt: at('2026-08-01T15:00:00Z'),
  });
  await createFeedbackRecord({
    clientId: clientB,
    routedToId: team.coord2.id,
    status: 'acknowledged',
    routedAt: at('2026-08-03T09:00:00Z'),
    acknowledgeDueAt: at('2026-08-04T09:00:00Z'),
    acknowledgedAt: at('2026-08-06T09:00:00Z'),
  });

  const invoiceBase = {
    clientId: clientA,
    currency: 'USD',
    paymentTermsDays: 30,
    taxRounding: 'line' as const,
    pricesIncludeTax: false,
  };
  const [paid] = await db
    .insert(invoices)
    .values({
      ...invoiceBase,
      status: 'paid',
      issueDate: '2026-07-01',
      dueDate: '2026-07-31',
      totalCents: 900_000,
    })
    .returning();
  await db.insert(payments).values({
    invoiceId: paid!.id,
    amountCents: 900_000,
    paidOn: '2026-07-20',
    method: 'bank_transfer',
  });
  await db.insert(invoices).values({
    ...invoiceBase,
    status: 'overdue',
    issueDate: '2026-08-01',
    dueDate: '2026-08-31',
    totalCents: 300_000,
  });

  await db.insert(tasks).values([
    { title: 'Call back', assigneeId: team.coord1.id, clientId: clientA },
    { title: 'Done already', assigneeId: team.coord1.id, status: 'done', clientId: clientA },
  ]);
  const [meeting] = await db
    .insert(meetings)
    .values({
      title: 'Weekly check-in',
      timeZone: 'UTC',
      clientId: clientA,
      startsAt: at('2026-11-13T10:00:00Z'),
      endsAt: at('2026-11-13T11:00:00Z'),
    })
    .returning();
  await db.insert(meetingAttendees).values({
    meetingId: meeting!.id,
    userId: team.coord1.id,
    startsAt: meeting!.startsAt,
    endsAt: meeting!.endsAt,
  });

  // Due in the quarter, and overdue on 15 November: both count; ready, later or undated do not.
  const material = { clientId: clientA, kind: 'presentation' as const, assigneeId: team.coord1.id };
  await db.insert(materials).values([
    { ...material, title: 'Due in the quarter', status: 'in_progress', dueDate: '2026-08-15' },
    { ...material, title: 'Overdue', status: 'requested', dueDate: '2026-11-01' },
    { ...material, title: 'Ready', status: 'ready', dueDate: '2026-08-10' },
    { ...material, title: 'Later', status: 'requested', dueDate: '2026-12-20' },
    { ...material, title: 'Undated', status: 'requested' },
  ]);

  // A on A; B1 on B but coordinated by coord1 (over budget); B2 in EUR; B3 after the quarter.
  const campaign = { currency: 'USD', status: 'running' as const, ownerId: team.exec1.id };
  await db.insert(campaigns).values([
    {
      ...campaign,
      name: 'Campaign A',
      clientId: clientA,
      startDate: '2026-07-01',
      endDate: '2026-08-31',
      budgetPlannedCents: 100_000,
      committedCents: 30_000,
      spentCents: 50_000,
    },
    {
      ...campaign,
      name: 'Campaign B1',
      clientId: clientB,
      coordinatorId: team.coord1.id,
      startDate: '2026-09-01',
      endDate: '2026-12-31',
      budgetPlannedCents: 50_000,
      committedCents: 20_000,
      spentCents: 40_000,
    },
    {
      ...campaign,
      name: 'Campaign B2',
      clientId: clientB,
      currency: 'EUR',
      coordinatorId: team.coord2.id,
      startDate: '2026-08-01',
      endDate: '2026-08-31',
      budgetPlannedCents: 20_000,
      spentCents: 5_000,
    },
    {
      ...campaign,
      name: 'Campaign B3',
      clientId: clientB,
      startDate: '2026-10-01',
      budgetPlannedCents: 10_000,
    },
    {
      ...campaign,
      name: 'Cancelled A',
      clientId: clientA,
      status: 'cancelled',
      startDate: '2026-07-01',
      budgetPlannedCents: 10_000,
    },
  ]);
});

beforeEach(async () => {
  await setVisibility('open');
});

async function figures(viewer: CurrentUser, report: ReportKey, params: Partial<ReportParams> = {}) {
  return (await runReport(viewer, report, reportParamsSchema.parse({ ...quarter, ...params }), now))
    .result;
}

function row(result: ReportResult, key: string) {
  const found = result.rows.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no row ${key}`);
  return found.cells;
}

describe('report figures on a known data set', () => {
  it('bookings: won amount by closing month beside contract value signed', async () => {
    const result = await figures(team.manager, 'bookings');
    expect(row(result, '2026-07-01:USD')).toMatchObject({
      month: 'Jul 2026',
      wonDeals: 1,
      wonAmount: 1_000_000,
      contractValue: 500_000,
    });
    expect(row(result, '2026-08-01:USD')).toMatchObject({ wonDeals: 2, wonAmount: 2_700_000 });
    expect(row(result, '2026-09-01:USD')).toMatchObject({ wonDeals: 0, wonAmount: 0 });
    expect(row(result, 'total:USD')).toMatchObject({
      wonDeals: 3,
      wonAmount: 3_700_000,
      contractValue: 500_000,
    });
    const august = result.rows.find((candidate) => candidate.key === '2026-08-01:USD');
    expect(august?.links.wonAmount).toBe(
      '/pipeline?stage=won&closedFrom=2026-08-01T00%3A00%3A00.000Z&closedTo=2026-09-01T00%3A00%3A00.000Z',
    );
  });

  it('win rate and sales cycle', async () => {
    const result = await figures(team.manager, 'win-rate');
    expect(row(result, 'total')).toEqual({
      month: 'Total',
      won: 3,
      lost: 1,
      winRate: 0.75,
      cycleDays: 50 / 3,
    });
    expect(row(result, '2026-08-01')).toMatchObject({ won: 2, lost: 1, cycleDays: 20 });
  });

  it('pipeline by stage with its weighted forecast', async () => {
    const result = await figures(team.manager, 'pipeline');
    expect(row(result, 'proposal:USD')).toMatchObject({
      deals: 1,
      value: 4_000_000,
      weighted: 2_000_000,
    });
  });

  it('proposal turnaround and review SLA', async () => {
    const result = await figures(team.manager, 'proposal-turnaround');
    // Sent 4 days after its draft; reviews took 12 h (on time) and 48 h (late, over 24 h).
    expect(row(result, 'total')).toMatchObject({
      sent: 1,
      draftToSent: 4,
      decided: 2,
      reviewTime: 30,
      onTime: 1,
      late: 1,
    });
  });

  it('feedback SLA', async () => {
    const result = await figures(team.manager, 'feedback-sla');
    expect(row(result, 'total')).toMatchObject({
      routed: 2,
      onTime: 1,
      late: 1,
      waiting: 0,
      onTimeRate: 0.5,
    });
  });

  it('invoices aging and DSO', async () => {
    const result = await figures(team.manager, 'invoice-aging');
    // As of 30 September: 3,000 owed, 30 days past due; 12,000 invoiced over the quarter's 92 days.
    expect(row(result, 'USD')).toMatchObject({
      current: 0,
      days1to30: 300_000,
      total: 300_000,
      invoiced: 1_200_000,
      dso: (300_000 / 1_200_000) * 92,
    });
  });

  it('workload per coordinator, as of now', async () => {
    const result = await figures(team.manager, 'workload');
    expect(row(result, team.coord1.id)).toMatchObject({
      openTasks: 1,
      meetingsThisWeek: 1,
      drafts: 1,
      materialsDue: 2,
    });
    expect(row(result, team.coord2.id)).toMatchObject({ openTasks: 0, drafts: 0, materialsDue: 0 });
    expect(new TextDecoder().decode(reportCsv(result))).toContain('Materials due');
  });

  it('campaign budget use: campaigns running in the period, totals per currency', async () => {
    const result = await figures(team.manager, 'campaign-budget');
    const byName = (name: string) =>
      result.rows.find((candidate) => candidate.cells.campaign === name);
    expect(byName('Campaign A')?.cells).toMatchObject({
      planned: 100_000,
      committed: 30_000,
      spent: 50_000,
      remaining: 20_000,
      used: 0.8,
      flag: '',
    });
    const over = byName('Campaign B1');
    expect(over?.cells).toMatchObject({ remaining: -10_000, used: 1.2, flag: 'Over budget' });
    expect(over?.links.flag).toBe('/campaigns?from=2026-07-01&to=2026-09-30&over=1');
    expect(row(result, 'total-USD')).toMatchObject({
      client: '2 campaigns',
      planned: 150_000,
      committed: 50_000,
      spent: 90_000,
      remaining: 10_000,
      used: 0.93,
    });
    expect(row(result, 'total-EUR')).toMatchObject({ planned: 20_000, spent: 5_000, used: 0.25 });
    expect(byName('Campaign B3')).toBeUndefined();
    expect(byName('Cancelled A')).toBeUndefined();
    expect(new TextDecoder().decode(reportCsv(result))).toContain('Over budget');
  });
});

describe('campaign budget use sized for its output', () => {
  it('lists 25 campaigns on the page, 100 in the PDF and all in the CSV, the totals counting all', async () => {
    const clientId = (await createClientRecord({ name: 'Many campaigns' })).id;
    const many = Array.from({ length: 120 }, (_, index) => ({
      currency: 'USD',
      status: 'running' as const,
      name: `Many ${String(index).padStart(3, '0')}`,
      clientId,
      startDate: '2026-07-01',
      budgetPlannedCents: 1_000 + index,
    }));
    const inserted = await db.insert(campaigns).values(many).returning({ id: campaigns.id });
    try {
      const params = reportParamsSchema.parse({ ...quarter, client: clientId });
      const listed = async (output: 'screen' | 'csv' | 'pdf') => {
        const { result } = await runReport(team.manager, 'campaign-budget', params, now, output);
        const rows = result.rows.filter((candidate) => !candidate.total);
        return { rows, total: row(result, 'total-USD'), notes: result.notes };
      };
      const screen = await listed('screen');
      expect(screen.rows).toHaveLength(25);
      // Least remaining first: the smallest plans, none spent.
      expect(screen.rows[0]?.cells.campaign).toBe('Many 000');
      expect(screen.total).toMatchObject({ client: '120 campaigns', planned: 127_140 });
      expect(screen.notes.join(' ')).toContain('The CSV lists up to 10,000.');
      expect((await listed('pdf')).rows).toHaveLength(100);
      const csv = await listed('csv');
      expect(csv.rows).toHaveLength(120);
      expect(csv.total).toEqual(screen.total);
    } finally {
      await db.delete(campaigns).where(
        inArray(
          campaigns.id,
          inserted.map((campaign) => campaign.id),
        ),
      );
      await db.delete(clients).where(eq(clients.id, clientId));
    }
  });
});

describe('report scope per role', () => {
  it('a manager filters the team by owner', async () => {
    const result = await figures(team.manager, 'bookings', { owner: team.exec2.id });
    expect(row(result, 'total:USD')).toMatchObject({ wonDeals: 1, wonAmount: 2_000_000 });
  });

  it("an executive sees their own book, even when asking for someone else's", async () => {
    const result = await figures(team.exec1, 'bookings', { owner: team.exec2.id });
    expect(row(result, 'total:USD')).toMatchObject({
      wonDeals: 2,
      wonAmount: 1_700_000,
      contractValue: 500_000,
    });
  });

  it("a coordinator gets only their own numbers when asking for another's", async () => {
    const bookings = await figures(team.coord1, 'bookings', { coordinator: team.coord2.id });
    expect(row(bookings, 'total:USD')).toMatchObject({ wonDeals: 1, wonAmount: 1_000_000 });
    const feedbackSla = await figures(team.coord1, 'feedback-sla', { coordinator: team.coord2.id });
    expect(row(feedbackSla, 'total')).toMatchObject({ routed: 1, onTime: 1, late: 0 });
    const workload = await figures(team.coord1, 'workload', { coordinator: team.coord2.id });
    expect(workload.rows.map((candidate) => candidate.key)).toEqual([team.coord1.id]);
    // Campaigns on the accounts they coordinate and those they coordinate on another account.
    const budget = await figures(team.coord1, 'campaign-budget', { coordinator: team.coord2.id });
    expect(budget.rows.map((candidate) => candidate.cells.campaign)).toEqual([
      'Campaign B1',
      'Campaign A',
      'Total USD',
    ]);
  });

  it("an executive's campaign budget use is their book's accounts", async () => {
    const budget = await figures(team.exec1, 'campaign-budget', { owner: team.exec2.id });
    expect(budget.rows.map((candidate) => candidate.cells.campaign)).toEqual([
      'Campaign A',
      'Total USD',
    ]);
  });

  it('hides accounts outside the book under assigned visibility, in the report and its CSV', async () => {
    await setVisibility('assigned');
    const result = await figures(team.exec1, 'bookings');
    expect(row(result, 'total:USD')).toMatchObject({ wonDeals: 1, wonAmount: 1_000_000 });
    const csv = new TextDecoder().decode(reportCsv(result));
    expect(csv).toContain('Total,USD,1,10000.00,5000.00');
    const managerView = await figures(team.manager, 'bookings');
    expect(row(managerView, 'total:USD')).toMatchObject({ wonDeals: 3 });
  });
});

describe('filing a report', () => {
  it('files the PDF as a document on a report run, audited, and lists it', async () => {
    const filed = expectOk(
      await executeAction(fileReportCommand, team.manager, {
        report: 'bookings',
        format: 'pdf',
        range: 'custom',
        from: '2026-07-01',
        to: '2026-09-30',
      }),
    );
    const [run] = await db.select().from(reportRuns).where(eq(reportRuns.id, filed.runId));
    expect(run).toMatchObject({
      report: 'bookings',
      scope: 'team',
      scopeUserId: null,
      runById: team.manager.id,
      documentId: filed.documentId,
      parameters: { range: 'custom', from: '2026-07-01', to: '2026-09-30' },
    });
    const [document] = await db.select().from(documents).where(eq(documents.id, filed.documentId));
    expect(document).toMatchObject({
      recordKind: 'report',
      recordId: filed.runId,
      clientId: null,
      mediaType: 'application/pdf',
      name: 'bookings-2026-07-01-to-2026-09-30.pdf',
    });
    expect((await auditEntriesFor(filed.runId)).map((entry) => entry.action)).toEqual([
      'report.filed',
    ]);
    expect((await listReportRuns(team.manager, 'bookings')).map((entry) => entry.id)).toContain(
      filed.runId,
    );
  });

  it('shows a filed report only to who may run it at that scope', async () => {
    await setVisibility('assigned');
    const teamRun = expectOk(
      await executeAction(fileReportCommand, team.manager, {
        report: 'win-rate',
        format: 'csv',
        range: 'lastQuarter',
      }),
    );
    const bookRun = expectOk(
      await executeAction(fileReportCommand, team.exec1, {
        report: 'bookings',
        format: 'csv',
        range: 'lastQuarter',
      }),
    );
    expect(await findDownloadableDocument(team.manager, teamRun.documentId)).not.toBeNull();
    expect(await findDownloadableDocument(team.exec1, teamRun.documentId)).toBeNull();
    expect(await findDownloadableDocument(team.exec1, bookRun.documentId)).not.toBeNull();
    expect(await findDownloadableDocument(team.exec2, bookRun.documentId)).toBeNull();
    expect(await findDownloadableDocument(team.coord1, bookRun.documentId)).toBeNull();
    expect(await findDownloadableDocument(team.manager, bookRun.documentId)).not.toBeNull();
    const listed = (await listReportRuns(team.exec2)).map((entry) => entry.id);
    expect(listed).not.toContain(bookRun.runId);
  });

  it('refuses bad parameters with a clear message and files nothing', async () => {
    const before = await db.$count(reportRuns);
    const result = await executeAction(fileReportCommand, team.manager, {
      report: 'bookings',
      format: 'pdf',
      range: 'custom',
      from: '',
      to: '',
    });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { from: ['A custom range needs a start and an end date.'] },
    });
    const unknown = await executeAction(fileReportCommand, team.manager, {
      report: 'everything',
      format: 'pdf',
      range: 'thisMonth',
    });
    expect(unknown).toMatchObject({ ok: false, fieldErrors: { report: ['Choose a report.'] } });
    expect(await db.$count(reportRuns)).toBe(before);
  });

  it('refuses as not found a report narrowed to a client the user does not see', async () => {
    await setVisibility('assigned');
    const before = await db.$count(reportRuns);
    const hidden = await executeAction(fileReportCommand, team.exec1, {
      report: 'bookings',
      format: 'csv',
      range: 'lastQuarter',
      client: clientB,
    });
    expect(hidden).toMatchObject({ ok: false, code: 'not_found' });
    expect(await db.$count(reportRuns)).toBe(before);
    expectOk(
      await executeAction(fileReportCommand, team.exec1, {
        report: 'bookings',
        format: 'csv',
        range: 'lastQuarter',
        client: clientA,
      }),
    );
    expect(await db.$count(reportRuns)).toBe(before + 1);
  });
});

describe('feedback outside the SLA set', () => {
  it('leaves feedback with no due time out of the SLA report', async () => {
    await createFeedbackRecord({ clientId: clientA, routedAt: at('2026-08-10T09:00:00Z') });
    const result = await figures(team.manager, 'feedback-sla');
    expect(row(result, 'total')).toMatchObject({ routed: 2 });
    await db.delete(feedback).where(eq(feedback.routedAt, at('2026-08-10T09:00:00Z')));
  });
});

describe('report schedules', () => {
  it('only managers schedule, to managers, and bad input changes nothing', async () => {
    const form = {
      report: 'bookings',
      format: 'pdf',
      frequency: 'weekly',
      range: 'lastMonth',
      recipientIds: team.manager.id,
    };
    expect(await executeAction(createReportScheduleCommand, team.exec1, form)).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(
      await executeAction(createReportScheduleCommand, team.manager, {
        ...form,
        recipientIds: team.exec1.id,
      }),
    ).toMatchObject({ ok: false, fieldErrors: { recipientIds: [expect.any(String)] } });
    expect(
      await executeAction(createReportScheduleCommand, team.manager, { ...form, recipientIds: '' }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { recipientIds: ['Choose at least one recipient.'] },
    });
  });

  it('files a due schedule once even when two instances run the job together, and notifies', async () => {
    const otherManager = await createActor('manager');
    const schedule = expectOk(
      await executeAction(createReportScheduleCommand, team.manager, {
        report: 'win-rate',
        format: 'csv',
        frequency: 'weekly',
        range: 'lastQuarter',
        recipientIds: `${team.manager.id},${otherManager.id}`,
      }),
    );
    const jobTime = new Date();
    const results = await Promise.all([
      runReportSchedules(db, jobTime),
      runReportSchedules(db, jobTime),
    ]);
    expect(results.reduce((total, result) => total + result.filed, 0)).toBe(1);
    const runs = await db.select().from(reportRuns).where(eq(reportRuns.scheduleId, schedule.id));
    expect(runs).toHaveLength(1);
    const sent = await db
      .select()
      .from(notifications)
      .where(eq(notifications.href, `/documents/${runs[0]!.documentId}`));
    expect(sent.map((notification) => notification.userId).sort()).toEqual(
      [team.manager.id, otherManager.id].sort(),
    );
    expect(sent[0]).toMatchObject({ kind: 'report_filed', clientId: null });
    // Not due again until a week has passed; paused schedules never run.
    expect(await runReportSchedules(db, new Date(jobTime.getTime() + 86_400_000))).toEqual({
      filed: 0,
    });
    expectOk(await executeAction(toggleReportScheduleCommand, team.manager, { id: schedule.id }));
    expect(await runReportSchedules(db, new Date(jobTime.getTime() + 8 * 86_400_000))).toEqual({
      filed: 0,
    });
    expectOk(await executeAction(deleteReportScheduleCommand, team.manager, { id: schedule.id }));
    expect(
      (await db.select().from(reportRuns).where(eq(reportRuns.id, runs[0]!.id)))[0],
    ).toMatchObject({
      scheduleId: null,
    });
  });
});

import { randomUUID } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { clients, feedback, proposalReviews, proposals, settings, users } from '@/db/schema';
import type { ReportResult } from '@/lib/report-catalog';
import { reportParamsSchema } from '@/lib/validation/reports';
import { maxReviewDueHours } from '@/lib/validation/settings';
import type { CurrentUser } from '@/server/auth/session';
import { reportContext, reportReads, type ReportContext } from '@/server/reports/context';
import { feedbackSlaReport } from '@/server/reports/feedback-sla-report';
import { proposalTurnaroundReport } from '@/server/reports/proposal-turnaround-report';
import { reviewSettingsKey } from '@/server/settings/queries';
import { createClientRecord, setVisibility } from '../support/client-factories';
import { createActor } from '../support/factories';

const now = new Date('2026-11-15T12:00:00Z');
const zones = ['UTC', 'America/New_York', 'Asia/Kolkata', 'Asia/Kathmandu'];
const quarter = reportParamsSchema.parse({ range: 'custom', from: '2026-07-01', to: '2026-09-30' });
const year = reportParamsSchema.parse({ range: 'last12Months' });
const hour = 3_600_000;

type Team = Record<'manager' | 'exec1' | 'exec2' | 'coord1' | 'coord2', CurrentUser>;
let team: Team;
let clientA: string;
let clientB: string;
/** Accounts the rows are spread over: each pairing of an owner and a coordinator, and none. */
let accounts: string[];

/** A fixed pseudo-random sequence, so a failure can be replayed. */
let seed = 14;
function random() {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
}
const pick = <T>(values: T[]) => values[Math.floor(random() * values.length)]!;

// Where the months of the four zones start (and the quarter's ends), and a few minutes around.
const monthStarts = ['2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01'].flatMap((day) =>
  [0, -4 * 60, 5 * 60 + 30, 5 * 60 + 45].map(
    (offsetMinutes) => new Date(`${day}T00:00:00Z`).getTime() - offsetMinutes * 60_000,
  ),
);
function instant() {
  if (random() < 0.6) return new Date(pick(monthStarts) + Math.round((random() - 0.5) * 4 * hour));
  return new Date(Date.UTC(2026, 5, 20) + Math.round(random() * 110 * 24 * hour));
}

async function setReviewDueHours(reviewDueHours: number) {
  const value = { reviewDueHours };
  await db
    .insert(settings)
    .values({ key: reviewSettingsKey, value })
    .onConflictDoUpdate({ target: settings.key, set: { value } });
}

/** Every cell, numbers to match within the floating-point noise of adding sums in another order. */
function figuresOf(result: ReportResult) {
  return result.rows.map((row) =>
    Object.fromEntries(
      Object.entries(row.cells).map(([key, value]) => [
        key,
        typeof value === 'number' ? expect.closeTo(value, 6) : value,
      ]),
    ),
  );
}

type Counted = 'sent' | 'decided' | 'onTime' | 'late' | 'routed' | 'waiting';

function total(result: ReportResult) {
  return result.rows.find((row) => row.key === 'total')!.cells as Record<Counted, number>;
}

/**
 * The same report read from the rows alone: a visibility that keeps every account, for a viewer
 * the filters do not name, which the rollups cannot answer.
 */
function fromRows(context: ReportContext): ReportContext {
  const rows = {
    ...context,
    visibility: sql`true`,
    viewer: { ...context.viewer, id: randomUUID() },
  };
  expect(reportReads(rows).days).toEqual([]);
  return rows;
}

/**
 * Who reads the rollups: the whole team, an owner, a coordinator, both, and an executive's book
 * and a coordinator's own numbers (which are their own filters).
 */
function readers() {
  return [
    { viewer: team.manager, filters: {} },
    { viewer: team.manager, filters: { owner: team.exec1.id } },
    { viewer: team.manager, filters: { coordinator: team.coord2.id } },
    { viewer: team.manager, filters: { owner: team.exec2.id, coordinator: team.coord1.id } },
    { viewer: team.exec1, filters: {} },
    { viewer: team.coord1, filters: {} },
  ];
}

/** The reports read from the rollups, for each zone, range and review SLA, equal the rows'. */
async function expectRollupsMatchRows() {
  for (const reviewDueHours of [24, 48]) {
    await setReviewDueHours(reviewDueHours);
    for (const timeZone of zones) {
      for (const range of [quarter, year]) {
        for (const { viewer, filters } of readers()) {
          const params = reportParamsSchema.parse({ ...range, ...filters });
          const context = await reportContext({ ...viewer, timeZone }, params, now);
          const reads = reportReads(context);
          expect(reads.days.length).toBeGreaterThan(0);
          if (timeZone === 'UTC') expect(reads.rest).toEqual([]);
          const rows = fromRows(context);
          for (const report of [proposalTurnaroundReport, feedbackSlaReport]) {
            expect(
              (await report(context)).rows.map((row) => row.cells),
              `${report.name} in ${timeZone} for ${viewer.role} ${JSON.stringify(filters)}`,
            ).toEqual(figuresOf(await report(rows)));
          }
        }
      }
    }
  }
}

async function insertRows(count: number) {
  const sent = Array.from({ length: count }, () => {
    const sentAt = instant();
    return {
      clientId: pick(accounts),
      title: 'Proposal',
      body: 'Scope.',
      status: 'sent' as const,
      createdAt: new Date(sentAt.getTime() - Math.round(random() * 20 * 24 * hour)),
      sentAt,
    };
  });
  const drafts = Array.from({ length: 5 }, () => ({
    clientId: pick(accounts),
    title: 'Draft',
    body: 'Scope.',
    createdAt: instant(),
  }));
  const inserted = await db
    .insert(proposals)
    .values([...sent, ...drafts])
    .returning({ id: proposals.id });
  await db.insert(proposalReviews).values(
    Array.from({ length: count * 2 }, () => {
      const createdAt = instant();
      const hours = pick([0.5, 1, 12.25, 23.9, 24, 24.1, 47, 48, 48.5, 100, 800]);
      return {
        proposalId: pick(inserted).id,
        versionNumber: 1,
        decision: 'approved' as const,
        submittedAt: new Date(createdAt.getTime() - hours * hour),
        createdAt,
      };
    }),
  );
  await db.insert(feedback).values(
    Array.from({ length: count }, () => {
      const routedAt = instant();
      const acknowledgeDueAt =
        random() < 0.1
          ? new Date('2026-12-01T00:00:00Z')
          : new Date(routedAt.getTime() + Math.round((1 + random() * 71) * hour));
      const acknowledged = random();
      return {
        clientId: pick(accounts),
        channel: 'call' as const,
        sentiment: 'negative' as const,
        body: 'Reports were late again.',
        status: 'new' as const,
        routedAt,
        acknowledgeDueAt,
        acknowledgedAt:
          acknowledged < 0.3
            ? null
            : new Date(acknowledgeDueAt.getTime() + (acknowledged < 0.65 ? -1 : 1) * 2 * hour),
      };
    }),
  );
}

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
  accounts = [
    clientA,
    clientB,
    (await createClientRecord({ ownerId: team.exec1.id, coordinatorId: team.coord2.id })).id,
    (await createClientRecord({ ownerId: team.exec2.id, coordinatorId: team.coord1.id })).id,
    (await createClientRecord({ ownerId: null, coordinatorId: team.coord1.id })).id,
  ];
  await insertRows(120);
});

describe('reports from the per-day rollups', () => {
  it('count what the rows count, in every zone, over month boundaries, for any review SLA', async () => {
    const context = await reportContext(team.manager, quarter, now);
    const turnaround = total(await proposalTurnaroundReport(context));
    expect(turnaround.sent).toBeGreaterThan(0);
    expect(turnaround.onTime).toBeGreaterThan(0);
    expect(turnaround.late).toBeGreaterThan(0);
    const sla = total(await feedbackSlaReport(context));
    expect(sla.onTime).toBeGreaterThan(0);
    expect(sla.late).toBeGreaterThan(0);
    expect(sla.waiting).toBeGreaterThan(0);
    await expectRollupsMatchRows();
  });

  // Six rounds of every reader, zone, range and SLA: a minute or more on a loaded machine.
  it('stay exact after inserts, updates and deletes', { timeout: 180_000 }, async () => {
    await insertRows(40);
    await expectRollupsMatchRows();

    const sentIds = (
      await db
        .select({ id: proposals.id })
        .from(proposals)
        .where(sql`sent_at is not null`)
    ).map((row) => row.id);
    // Several rows in one statement, moved across boundaries, unsent and sent.
    await db
      .update(proposals)
      .set({ sentAt: sql`${proposals.sentAt} + interval '5 hours 20 minutes'` })
      .where(inArray(proposals.id, sentIds.slice(0, 30)));
    await db
      .update(proposals)
      .set({ sentAt: null, status: 'draft' })
      .where(inArray(proposals.id, sentIds.slice(30, 40)));
    await db
      .update(proposals)
      .set({ sentAt: new Date('2026-08-31T18:20:00Z'), status: 'sent' })
      .where(sql`${proposals.sentAt} is null`);
    await db
      .update(proposals)
      .set({ createdAt: sql`${proposals.createdAt} - interval '3 days'` })
      .where(inArray(proposals.id, sentIds.slice(40, 50)));
    // An update that changes nothing the reports count.
    await db.update(proposals).set({ title: 'Renamed' });
    await db
      .update(proposalReviews)
      .set({ createdAt: sql`${proposalReviews.createdAt} + interval '20 hours'` })
      .where(sql`${proposalReviews.id} % 3 = 0`);
    await expectRollupsMatchRows();

    // Acknowledged now, some on time, some late, and re-routed with a new due time.
    const feedbackIds = (
      await db.select({ id: feedback.id }).from(feedback).orderBy(feedback.routedAt)
    ).map((row) => row.id);
    await db
      .update(feedback)
      .set({ acknowledgedAt: sql`${feedback.acknowledgeDueAt} - interval '1 hour'` })
      .where(
        inArray(
          feedback.id,
          feedbackIds.filter((_, index) => index % 4 === 0),
        ),
      );
    await db
      .update(feedback)
      .set({ acknowledgedAt: sql`${feedback.acknowledgeDueAt} + interval '1 hour'` })
      .where(
        inArray(
          feedback.id,
          feedbackIds.filter((_, index) => index % 4 === 1),
        ),
      );
    await db
      .update(feedback)
      .set({
        routedAt: sql`${feedback.routedAt} + interval '6 hours'`,
        acknowledgeDueAt: sql`${feedback.acknowledgeDueAt} + interval '30 hours'`,
      })
      .where(
        inArray(
          feedback.id,
          feedbackIds.filter((_, index) => index % 3 === 0),
        ),
      );
    await db.update(feedback).set({ category: 'Reporting' });
    await expectRollupsMatchRows();

    // Accounts reassigned, alone and several in one statement, and proposals moved to another
    // account with their reviews; then every account back as it was, in one statement.
    const assignments = await db
      .select({ id: clients.id, ownerId: clients.ownerId, coordinatorId: clients.coordinatorId })
      .from(clients)
      .where(inArray(clients.id, accounts));
    await db.update(clients).set({ ownerId: team.exec2.id }).where(eq(clients.id, clientA));
    await db
      .update(clients)
      .set({ ownerId: null, coordinatorId: team.coord2.id })
      .where(inArray(clients.id, accounts.slice(2)));
    await db
      .update(proposals)
      .set({ clientId: clientB })
      .where(inArray(proposals.id, sentIds.slice(70, 80)));
    await expectRollupsMatchRows();
    const restored = assignments.map(
      (account) =>
        sql`(${account.id}::uuid, ${account.ownerId}::uuid, ${account.coordinatorId}::uuid)`,
    );
    await db.execute(sql`
      update clients set owner_id = v.owner_id, coordinator_id = v.coordinator_id
      from (values ${sql.join(restored, sql`, `)}) v (id, owner_id, coordinator_id)
      where clients.id = v.id`);
    await expectRollupsMatchRows();

    // A removed owner's accounts have none left (ON DELETE SET NULL); a deleted account takes its
    // proposals, reviews and feedback along (ON DELETE CASCADE).
    const leaving = await createActor('executive');
    const extra = [
      (await createClientRecord({ ownerId: leaving.id, coordinatorId: team.coord1.id })).id,
      (await createClientRecord({ ownerId: team.exec1.id, coordinatorId: team.coord2.id })).id,
    ];
    accounts.push(...extra);
    await insertRows(30);
    accounts.splice(-extra.length);
    await db.delete(users).where(eq(users.id, leaving.id));
    await db.delete(clients).where(inArray(clients.id, extra));

    // Deleting a proposal deletes its reviews too.
    await db.delete(proposals).where(inArray(proposals.id, sentIds.slice(50, 70)));
    await db.delete(proposalReviews).where(sql`${proposalReviews.id} % 5 = 0`);
    await db.delete(feedback).where(
      inArray(
        feedback.id,
        feedbackIds.filter((_, index) => index % 5 === 2),
      ),
    );
    await expectRollupsMatchRows();
  });
});

describe('the review rollup', () => {
  it('keeps reviews longer than any allowed SLA in one late bucket', async () => {
    const [row] = await db.execute<{ longest: number; shortest: number }>(sql`
      select proposal_review_hours(now() - interval '90 days', now()) as longest,
        proposal_review_hours(now(), now() - interval '1 hour') as shortest`);
    expect(row).toEqual({ longest: maxReviewDueHours + 1, shortest: 0 });
  });
});

describe('filtered reports', () => {
  async function totals(viewer: CurrentUser, filters: Record<string, string> = {}) {
    const params = reportParamsSchema.parse({ ...quarter, ...filters });
    const context = await reportContext(viewer, params, now);
    return {
      turnaround: total(await proposalTurnaroundReport(context)),
      sla: total(await feedbackSlaReport(context)),
    };
  }

  it('count only their accounts', async () => {
    const [, , clientC, clientD, clientE] = accounts as [string, string, string, string, string];
    const whole = await totals(team.manager);
    const ofExec1 = await totals(team.manager, { owner: team.exec1.id });
    const ofExec2 = await totals(team.manager, { owner: team.exec2.id });
    const ofNoOwner = await totals(team.manager, { client: clientE });
    const keysOf = {
      turnaround: ['sent', 'decided', 'onTime', 'late'],
      sla: ['routed', 'onTime', 'late', 'waiting'],
    } as const;
    const sum = (parts: Awaited<ReturnType<typeof totals>>[]) =>
      Object.fromEntries(
        (['turnaround', 'sla'] as const).map((report) => [
          report,
          Object.fromEntries(
            keysOf[report].map((key) => [
              key,
              parts.reduce((total, part) => total + part[report][key], 0),
            ]),
          ),
        ]),
      );
    const counted = (figures: Awaited<ReturnType<typeof totals>>) => sum([figures]);
    for (const part of [ofExec1, ofExec2, ofNoOwner]) {
      expect(part.turnaround.sent).toBeGreaterThan(0);
      expect(part.sla.routed).toBeGreaterThan(0);
    }
    expect(sum([ofExec1, ofExec2, ofNoOwner])).toEqual(counted(whole));
    const byClient = async (client: string) => totals(team.manager, { client });
    expect(sum([await byClient(clientA), await byClient(clientC)])).toEqual(counted(ofExec1));
    expect(counted(await totals(team.manager, { coordinator: team.coord1.id }))).toEqual(
      sum([await byClient(clientA), await byClient(clientD), ofNoOwner]),
    );
    expect(
      counted(await totals(team.manager, { owner: team.exec2.id, coordinator: team.coord1.id })),
    ).toEqual(counted(await byClient(clientD)));
  });

  it('count only the accounts an `assigned` viewer sees', async () => {
    const ofExec1 = await totals(team.manager, { owner: team.exec1.id });
    const ofCoord1 = await totals(team.manager, { coordinator: team.coord1.id });
    await setVisibility('assigned');
    try {
      expect(await totals(team.coord1)).toEqual(ofCoord1);
      expect(await totals(team.exec1)).toEqual(ofExec1);
      // Another owner's accounts within the coordinator's: still only what they see.
      expect(await totals(team.coord1, { owner: team.exec2.id })).toEqual(
        await totals(team.manager, { owner: team.exec2.id, coordinator: team.coord1.id }),
      );
    } finally {
      await setVisibility('open');
    }
  });
});

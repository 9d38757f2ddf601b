import { db } from '@/db/client';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  computePipelineDashboard,
  dashboardScope,
  getPipelineDashboard,
} from '@/server/reports/pipeline';
import type { CurrentUser } from '@/server/auth/session';
import { createClientRecord, setVisibility } from '../support/client-factories';
import { createDealRecord } from '../support/deal-factories';
import { createActor } from '../support/factories';
import { createProposal } from '../support/proposal-factories';
import { clearPipeline, createReviewRecord } from '../support/pipeline-factories';

type Team = Record<'manager' | 'exec1' | 'exec2' | 'coord1' | 'coord2', CurrentUser>;

/**
 * Two accounts: A (exec1 / coord1) and B (exec2 / coord2). exec1 also owns a deal on B and
 * reviews a proposal on B, which "assigned" visibility hides from them.
 */
async function seedTeam(): Promise<Team> {
  const team: Team = {
    manager: await createActor('manager'),
    exec1: await createActor('executive'),
    exec2: await createActor('executive'),
    coord1: await createActor('coordinator'),
    coord2: await createActor('coordinator'),
  };
  const a = await createClientRecord({ ownerId: team.exec1.id, coordinatorId: team.coord1.id });
  const b = await createClientRecord({ ownerId: team.exec2.id, coordinatorId: team.coord2.id });
  const onA = { ownerId: team.exec1.id, coordinatorId: team.coord1.id };
  const onB = { ownerId: team.exec2.id, coordinatorId: team.coord2.id };
  await createDealRecord(a.id, { ...onA, stage: 'lead', amountCents: 1_000_000, probability: 10 });
  await createDealRecord(a.id, {
    ...onA,
    stage: 'proposal',
    amountCents: 2_000_000,
    probability: 50,
  });
  await createDealRecord(b.id, {
    ...onB,
    stage: 'proposal',
    amountCents: 3_000_000,
    probability: 60,
  });
  await createDealRecord(b.id, {
    ...onB,
    stage: 'negotiation',
    amountCents: 500_000,
    currency: 'EUR',
    probability: 75,
  });
  await createDealRecord(b.id, {
    ownerId: team.exec1.id,
    coordinatorId: team.coord2.id,
    stage: 'qualified',
    amountCents: 700_000,
    probability: 25,
  });
  await createDealRecord(a.id, { ...onA, stage: 'won', amountCents: 4_000_000 });
  await createDealRecord(b.id, { ...onB, stage: 'lost', amountCents: 500_000, closedDaysAgo: 10 });
  await createDealRecord(a.id, {
    ...onA,
    stage: 'won',
    amountCents: 9_900_000,
    closedDaysAgo: 100,
  });

  const p1 = await createProposal(db, {
    clientId: a.id,
    status: 'in_review',
    authorId: team.coord1.id,
    reviewerId: team.exec1.id,
  });
  await createProposal(db, {
    clientId: b.id,
    status: 'in_review',
    authorId: team.coord2.id,
    reviewerId: team.exec1.id,
  });
  const p3 = await createProposal(db, {
    clientId: b.id,
    status: 'approved',
    authorId: team.coord2.id,
    reviewerId: team.exec2.id,
  });
  await createReviewRecord(p1.id, { daysAgo: 3, turnaroundHours: 20 });
  await createReviewRecord(p3.id, { daysAgo: 5, turnaroundHours: 10 });
  await createReviewRecord(p3.id, { daysAgo: 100, turnaroundHours: 100 });
  return team;
}

let team: Team;
beforeEach(async () => {
  await setVisibility('open');
  await clearPipeline();
  team = await seedTeam();
});

describe('the pipeline dashboard', () => {
  it('gives each role its widest scope', () => {
    expect(dashboardScope(team.manager)).toBe('team');
    expect(dashboardScope(team.exec1)).toBe('book');
    expect(dashboardScope(team.coord1)).toBe('own');
  });

  it('shows a manager the whole team, per stage and currency, with exact totals', async () => {
    const dashboard = await computePipelineDashboard(team.manager);
    expect(dashboard.scope).toBe('team');
    expect(dashboard.stages).toEqual([
      { stage: 'lead', currency: 'USD', count: 1, valueCents: 1_000_000, weightedCents: 100_000 },
      {
        stage: 'qualified',
        currency: 'USD',
        count: 1,
        valueCents: 700_000,
        weightedCents: 175_000,
      },
      {
        stage: 'proposal',
        currency: 'USD',
        count: 2,
        valueCents: 5_000_000,
        weightedCents: 2_800_000,
      },
      {
        stage: 'negotiation',
        currency: 'EUR',
        count: 1,
        valueCents: 500_000,
        weightedCents: 375_000,
      },
    ]);
    // One won and one lost in 90 days; the deal won 100 days ago is outside the window.
    expect(dashboard.winRate).toEqual({ won: 1, lost: 1, rate: 0.5 });
    expect(dashboard.wonThisQuarter).toEqual([
      { currency: 'USD', count: 1, valueCents: 4_000_000 },
    ]);
    // Reviews of 20 h and 10 h in the window; the 100 h one, 100 days ago, is not.
    expect(dashboard.review).toEqual({ waiting: 2, decided: 2, averageTurnaroundHours: 15 });
  });

  it('shows an executive their book: deals they own, proposals on their accounts or for their review', async () => {
    const dashboard = await computePipelineDashboard(team.exec1);
    expect(dashboard.scope).toBe('book');
    expect(dashboard.stages).toEqual([
      { stage: 'lead', currency: 'USD', count: 1, valueCents: 1_000_000, weightedCents: 100_000 },
      {
        stage: 'qualified',
        currency: 'USD',
        count: 1,
        valueCents: 700_000,
        weightedCents: 175_000,
      },
      {
        stage: 'proposal',
        currency: 'USD',
        count: 1,
        valueCents: 2_000_000,
        weightedCents: 1_000_000,
      },
    ]);
    expect(dashboard.winRate).toEqual({ won: 1, lost: 0, rate: 1 });
    expect(dashboard.review).toEqual({ waiting: 2, decided: 1, averageTurnaroundHours: 20 });
  });

  it('shows a coordinator the deals they coordinate and the proposals they wrote', async () => {
    const dashboard = await computePipelineDashboard(team.coord2);
    expect(dashboard.scope).toBe('own');
    expect(dashboard.stages).toEqual([
      {
        stage: 'qualified',
        currency: 'USD',
        count: 1,
        valueCents: 700_000,
        weightedCents: 175_000,
      },
      {
        stage: 'proposal',
        currency: 'USD',
        count: 1,
        valueCents: 3_000_000,
        weightedCents: 1_800_000,
      },
      {
        stage: 'negotiation',
        currency: 'EUR',
        count: 1,
        valueCents: 500_000,
        weightedCents: 375_000,
      },
    ]);
    expect(dashboard.winRate).toEqual({ won: 0, lost: 1, rate: 0 });
    expect(dashboard.wonThisQuarter).toEqual([]);
    expect(dashboard.review).toEqual({ waiting: 1, decided: 1, averageTurnaroundHours: 10 });
  });

  it('leaves out accounts of other teams under "assigned" visibility', async () => {
    await setVisibility('assigned');
    const dashboard = await computePipelineDashboard(team.exec1);
    expect(dashboard.stages.map((row) => [row.stage, row.count])).toEqual([
      ['lead', 1],
      ['proposal', 1],
    ]);
    expect(dashboard.review).toEqual({ waiting: 1, decided: 1, averageTurnaroundHours: 20 });
    const managers = await computePipelineDashboard(team.manager);
    expect(managers.review.waiting).toBe(2);
  });

  it('has nothing to divide when nothing closed', async () => {
    await clearPipeline();
    const dashboard = await computePipelineDashboard(team.manager);
    expect(dashboard).toMatchObject({
      stages: [],
      winRate: { won: 0, lost: 0, rate: null },
      review: { waiting: 0, decided: 0, averageTurnaroundHours: null },
      wonThisQuarter: [],
    });
  });

  it('is reused between requests until something it counts changes', async () => {
    const first = await getPipelineDashboard(team.manager);
    expect(await getPipelineDashboard(team.manager)).toBe(first);
    const client = await createClientRecord();
    await createDealRecord(client.id, { stage: 'lead', amountCents: 100, probability: 10 });
    const second = await getPipelineDashboard(team.manager);
    expect(second).not.toBe(first);
    expect(second.stages[0]).toMatchObject({ stage: 'lead', count: 2, valueCents: 1_000_100 });
  });
});

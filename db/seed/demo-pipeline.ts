import 'server-only';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { dealStageChanges, deals, proposalReviews, proposals, proposalVersions } from '@/db/schema';
import { dealStages, defaultProbability, type DealStage } from '@/lib/deals';
import type { ProposalStatus } from '@/lib/proposals';
import { createShareToken } from '@/server/proposals/share-token';

type Transaction = Parameters<
  Parameters<PostgresJsDatabase<Record<string, never>>['transaction']>[0]
>[0];

type DemoClient = {
  id: string;
  name: string;
  status: string;
  ownerId: string | null;
  coordinatorId: string | null;
};

const day = 86_400_000;
const services = ['Brand refresh', 'Spring campaign', 'Website redesign', 'Retainer renewal'];
// Stages cycle in this order so every column of the board and every bar of the dashboard has deals.
const stageCycle: DealStage[] = [
  'lead',
  'qualified',
  'proposal',
  'negotiation',
  'won',
  'qualified',
  'proposal',
  'lost',
  'lead',
  'negotiation',
];
// The proposals of the first few deals at "proposal" or later, one per status worth showing.
const proposalCycle: ProposalStatus[] = [
  'draft',
  'in_review',
  'in_review',
  'changes_requested',
  'approved',
  'sent',
  'accepted',
];

/**
 * Deals with their stage history for most demo accounts, and proposals across the life cycle,
 * written by the demo coordinator for the demo executive's review so both see them at once.
 */
export async function seedDemoPipeline(
  tx: Transaction,
  demoClients: DemoClient[],
  people: { coordinatorId: string | null; executiveId: string | null },
  now = Date.now(),
) {
  const open = demoClients.filter((client) => client.status !== 'churned');
  const dealRows = await tx
    .insert(deals)
    .values(
      open.map((client, index) => {
        const stage = stageCycle[index % stageCycle.length] ?? 'lead';
        const closed = stage === 'won' || stage === 'lost';
        return {
          clientId: client.id,
          name: `${services[index % services.length]} ${2026 + (index % 2)}`,
          stage,
          amountCents: (15 + ((index * 37) % 90)) * 100_000,
          probability: defaultProbability[stage],
          expectedClose: new Date(now + ((index % 9) - 2) * 10 * day).toISOString().slice(0, 10),
          ownerId: client.ownerId,
          coordinatorId: client.coordinatorId,
          lostReason: stage === 'lost' ? 'Chose a cheaper agency.' : null,
          closedAt: closed ? new Date(now - (index % 60) * day) : null,
        };
      }),
    )
    .returning();
  await tx.insert(dealStageChanges).values(
    dealRows.flatMap((deal) => {
      const reached = dealStages.indexOf(deal.stage === 'lost' ? 'qualified' : deal.stage);
      const path: DealStage[] = [...dealStages.slice(0, reached + 1)];
      if (deal.stage === 'lost') path.push('lost');
      return path.map((stage, step) => ({
        dealId: deal.id,
        fromStage: step === 0 ? null : (path[step - 1] ?? null),
        toStage: stage,
        actorId: deal.coordinatorId,
        changedAt: new Date(now - (path.length - step) * 5 * day),
      }));
    }),
  );

  const proposalDeals = dealRows.filter((deal) =>
    (['proposal', 'negotiation', 'won'] as DealStage[]).includes(deal.stage),
  );
  for (const [index, status] of proposalCycle.entries()) {
    const deal = proposalDeals[index];
    const client = open.find((candidate) => candidate.id === deal?.clientId);
    if (!deal || !client) continue;
    const submitted = status !== 'draft';
    const submittedAt = new Date(now - (index === 2 ? 3 : 1) * day);
    const body = `# ${deal.name} for ${client.name}\n\nWhat we will do, by when, and for how much.\n\n- Discovery workshop\n- Production\n- Monthly reporting`;
    const [proposal] = await tx
      .insert(proposals)
      .values({
        clientId: client.id,
        dealId: deal.id,
        title: `${deal.name} — ${client.name}`,
        body,
        amountCents: deal.amountCents,
        validUntil: new Date(now + 30 * day).toISOString().slice(0, 10),
        status,
        authorId: people.coordinatorId,
        reviewerId: people.executiveId,
        // Drafted two days before it was submitted, so nothing is sent before it was written.
        createdAt: new Date(submittedAt.getTime() - 2 * day),
        submittedAt: submitted ? submittedAt : null,
        // The second proposal in review is already overdue, so the queue shows both kinds.
        reviewDueAt: submitted ? new Date(submittedAt.getTime() + day) : null,
        decidedAt: submitted && status !== 'in_review' ? new Date(now - day / 2) : null,
        sentAt: ['sent', 'accepted'].includes(status) ? new Date(now - day / 4) : null,
        // Nobody knows these links: the team makes a new one to try the client's page.
        shareTokenHash: ['sent', 'accepted'].includes(status) ? createShareToken().hash : null,
        shareLinkCreatedAt: ['sent', 'accepted'].includes(status) ? new Date(now - day / 4) : null,
        respondedAt: status === 'accepted' ? new Date(now - day / 8) : null,
        responderName: status === 'accepted' ? 'Jordan Client' : null,
        versionCount: submitted ? 1 : 0,
      })
      .returning();
    if (!proposal || !submitted) continue;
    await tx.insert(proposalVersions).values({
      proposalId: proposal.id,
      number: 1,
      title: proposal.title,
      body,
      amountCents: proposal.amountCents,
      currency: proposal.currency,
      validUntil: proposal.validUntil,
      createdById: proposal.authorId,
      createdAt: submittedAt,
    });
    if (status === 'in_review') continue;
    await tx.insert(proposalReviews).values({
      proposalId: proposal.id,
      versionNumber: 1,
      reviewerId: people.executiveId,
      decision: status === 'changes_requested' ? 'changes_requested' : 'approved',
      comment: status === 'changes_requested' ? 'Add the reporting cadence and a timeline.' : null,
      submittedAt,
      createdAt: new Date(now - day / 2),
    });
  }
}

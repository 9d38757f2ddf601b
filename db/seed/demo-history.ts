import 'server-only';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { contracts, deals, feedback, proposalReviews, proposals } from '@/db/schema';

type Transaction = Parameters<
  Parameters<PostgresJsDatabase<Record<string, never>>['transaction']>[0]
>[0];

type DemoClient = {
  id: string;
  name: string;
  ownerId: string | null;
  coordinatorId: string | null;
};

const day = 86_400_000;
const hour = 3_600_000;

/**
 * A year of history behind the reports: each of the last twelve months has won and lost deals, a
 * signed contract, a proposal sent after a review (some decided late), and feedback acknowledged
 * on time or late, spread over the demo accounts.
 */
export async function seedDemoHistory(
  tx: Transaction,
  demoClients: DemoClient[],
  people: { coordinatorId: string | null; executiveId: string | null },
  now = Date.now(),
) {
  if (demoClients.length === 0) return;
  const months = Array.from({ length: 12 }, (_, index) => index + 1);
  const clientFor = (month: number, offset: number) =>
    demoClients[(month * 3 + offset) % demoClients.length]!;
  const inMonth = (month: number, dayOfMonth: number) =>
    new Date(now - month * 30 * day + (dayOfMonth - 15) * day);

  await tx.insert(deals).values(
    months.flatMap((month) =>
      [0, 1, 2].map((offset) => {
        const client = clientFor(month, offset);
        const won = offset < 2;
        const closedAt = inMonth(month, 5 + offset * 8);
        return {
          clientId: client.id,
          name: `${won ? 'Campaign' : 'Pitch'} ${month}-${offset + 1}`,
          stage: won ? ('won' as const) : ('lost' as const),
          amountCents: (20 + ((month * 13 + offset * 7) % 60)) * 100_000,
          probability: won ? 100 : 0,
          ownerId: client.ownerId,
          coordinatorId: client.coordinatorId,
          lostReason: won ? null : 'Went with the incumbent.',
          createdAt: new Date(closedAt.getTime() - (20 + ((month * 11) % 50)) * day),
          closedAt,
        };
      }),
    ),
  );

  await tx.insert(contracts).values(
    months.map((month) => {
      const client = clientFor(month, 0);
      const signed = inMonth(month, 12).toISOString().slice(0, 10);
      return {
        clientId: client.id,
        title: `Services agreement ${month}`,
        valueCents: (30 + ((month * 17) % 70)) * 100_000,
        startDate: signed,
        endDate: new Date(Date.parse(signed) + 365 * day).toISOString().slice(0, 10),
        status: 'active' as const,
        signedOn: signed,
        signerName: 'Jordan Client',
        createdById: people.coordinatorId,
      };
    }),
  );

  const sent = await tx
    .insert(proposals)
    .values(
      months.map((month) => {
        const client = clientFor(month, 1);
        return {
          clientId: client.id,
          title: `Proposal ${month} — ${client.name}`,
          body: 'Scope, timeline and fees.',
          status: 'sent' as const,
          authorId: people.coordinatorId,
          reviewerId: people.executiveId,
          versionCount: 1,
          createdAt: inMonth(month, 3),
          submittedAt: inMonth(month, 5),
          decidedAt: new Date(inMonth(month, 5).getTime() + (month % 3 === 0 ? 40 : 6) * hour),
          sentAt: inMonth(month, 8),
        };
      }),
    )
    .returning({
      id: proposals.id,
      submittedAt: proposals.submittedAt,
      decidedAt: proposals.decidedAt,
    });
  await tx.insert(proposalReviews).values(
    sent.map((proposal) => ({
      proposalId: proposal.id,
      versionNumber: 1,
      reviewerId: people.executiveId,
      decision: 'approved' as const,
      submittedAt: proposal.submittedAt!,
      createdAt: proposal.decidedAt!,
    })),
  );

  await tx.insert(feedback).values(
    months.flatMap((month) =>
      [0, 1].map((offset) => {
        const routedAt = inMonth(month, 10 + offset * 5);
        const late = (month + offset) % 4 === 0;
        return {
          clientId: clientFor(month, offset).id,
          channel: 'call' as const,
          sentiment: offset === 0 ? ('negative' as const) : ('neutral' as const),
          body: 'The monthly report arrived later than agreed.',
          status: 'resolved' as const,
          routedToId: people.coordinatorId,
          routedAt,
          acknowledgeDueAt: new Date(routedAt.getTime() + 24 * hour),
          acknowledgedAt: new Date(routedAt.getTime() + (late ? 36 : 4) * hour),
          resolvedAt: new Date(routedAt.getTime() + 3 * day),
          resolvedById: people.coordinatorId,
        };
      }),
    ),
  );
}

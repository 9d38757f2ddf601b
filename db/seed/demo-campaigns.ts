import 'server-only';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { budgetEntries, campaigns } from '@/db/schema';
import { budgetLevel, sumBudgetEntries, type BudgetEntryKind } from '@/lib/campaigns';
import { addDays } from '@/lib/contracts';

type Transaction = Parameters<
  Parameters<PostgresJsDatabase<Record<string, never>>['transaction']>[0]
>[0];

type DemoClient = {
  id: string;
  status: string;
  ownerId: string | null;
  coordinatorId: string | null;
};

type DemoEntry = { kind: BudgetEntryKind; amountCents: number; daysAgo: number; supplier: string };

const demoCampaigns: {
  name: string;
  goal: string;
  status: 'running' | 'planned';
  plannedCents: number;
  startsDaysAgo: number;
  lengthDays: number;
  entries: DemoEntry[];
}[] = [
  {
    name: 'Spring product launch',
    goal: 'Launch the new range to existing buyers with a video, a demo day and paid social.',
    status: 'running',
    plannedCents: 2_500_000,
    startsDaysAgo: 30,
    lengthDays: 60,
    // Over the plan: committed and spent together pass it.
    entries: [
      { kind: 'committed', amountCents: 1_200_000, daysAgo: 28, supplier: 'Brightframe Video' },
      { kind: 'spent', amountCents: 950_000, daysAgo: 14, supplier: 'Social Ads Co' },
      { kind: 'spent', amountCents: 600_000, daysAgo: 3, supplier: 'Venue Hall' },
    ],
  },
  {
    name: 'Trade show presence',
    goal: 'A booth and a sales sheet for the autumn trade show.',
    status: 'planned',
    plannedCents: 1_800_000,
    startsDaysAgo: -20,
    lengthDays: 5,
    entries: [{ kind: 'committed', amountCents: 700_000, daysAgo: 2, supplier: 'Expo Stands Ltd' }],
  },
];

/** Two campaigns on the first active demo accounts: one over budget, one well within it. */
export async function seedDemoCampaigns(tx: Transaction, clients: DemoClient[], now = new Date()) {
  const today = now.toISOString().slice(0, 10);
  const active = clients.filter((client) => client.status === 'active').slice(0, 2);
  for (const [index, client] of active.entries()) {
    const demo = demoCampaigns[index]!;
    const sums = sumBudgetEntries(demo.entries);
    const start = addDays(today, -demo.startsDaysAgo);
    const [campaign] = await tx
      .insert(campaigns)
      .values({
        clientId: client.id,
        name: demo.name,
        goal: demo.goal,
        status: demo.status,
        startDate: start,
        endDate: addDays(start, demo.lengthDays),
        ownerId: client.ownerId,
        coordinatorId: client.coordinatorId,
        currency: 'USD',
        budgetPlannedCents: demo.plannedCents,
        ...sums,
        budgetAlertLevel: budgetLevel(demo.plannedCents, sums.committedCents + sums.spentCents),
        createdById: client.coordinatorId,
      })
      .returning({ id: campaigns.id });
    await tx.insert(budgetEntries).values(
      demo.entries.map((entry) => ({
        campaignId: campaign!.id,
        kind: entry.kind,
        amountCents: entry.amountCents,
        entryDate: addDays(today, -entry.daysAgo),
        supplier: entry.supplier,
        createdById: client.coordinatorId,
      })),
    );
  }
}

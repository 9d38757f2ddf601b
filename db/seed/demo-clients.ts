import 'server-only';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import {
  activities,
  clientCompetitors,
  clients,
  clientTags,
  competitors,
  contacts,
  researchNotes,
  tags,
} from '@/db/schema';
import { clientTiers, industries, loggedActivityKinds, type ClientStatus } from '@/lib/clients';
import {
  activitySubjects,
  companyStems,
  companySuffixes,
  firstNames,
  jobTitles,
  lastNames,
  prospectSources,
} from './words';

type Transaction = Parameters<
  Parameters<PostgresJsDatabase<Record<string, never>>['transaction']>[0]
>[0];
type Team = { executives: string[]; coordinators: string[] };

/** A small deterministic generator, so every fresh demo database looks the same. */
function generator(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  return {
    next,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
  };
}

const demoCompetitors = [
  {
    name: 'Brightwave Agency',
    website: 'brightwave.example',
    strengths: 'Strong in social video; fast turnaround.',
    weaknesses: 'Thin strategy team; junior account staff.',
    pricingNotes: 'Retainers from $15k a month; discounts for 12-month terms.',
  },
  {
    name: 'Northstar Creative',
    website: 'northstar.example',
    strengths: 'Award-winning brand work.',
    weaknesses: 'Expensive and slow to staff new accounts.',
    pricingNotes: 'Project fees, rarely below $80k.',
  },
  {
    name: 'Pixel & Proof',
    website: 'pixelproof.example',
    strengths: 'Performance marketing and analytics.',
    weaknesses: 'Weak on creative; little B2B experience.',
    pricingNotes: 'Percentage of media spend (12–15%).',
  },
];

/** About fifty accounts with contacts, timelines, research and competitors, for the demo. */
export async function seedDemoClients(tx: Transaction, team: Team) {
  const random = generator(42);
  const competitorRows = await tx
    .insert(competitors)
    .values(demoCompetitors)
    .returning({ id: competitors.id });
  const tagRows = await tx
    .insert(tags)
    .values(['Retainer', 'Project', 'Global', 'Renewal due', 'Referral'].map((name) => ({ name })))
    .returning({ id: tags.id });

  const names = new Set<string>();
  while (names.size < 48) names.add(`${random.pick(companyStems)} ${random.pick(companySuffixes)}`);
  const now = Date.now();
  const day = 24 * 60 * 60 * 1000;
  const clientRows = await tx
    .insert(clients)
    .values(
      [...names].map((name, index) => {
        const status: ClientStatus =
          index < 12
            ? 'prospect'
            : random.pick(['active', 'active', 'active', 'active', 'paused', 'churned']);
        return {
          name,
          status,
          industry: random.pick(industries),
          tier: random.pick(clientTiers),
          website: `${name.toLowerCase().replace(/[^a-z]+/g, '')}.example`,
          phone: `+1 555 ${String(random.int(100, 999))} ${String(random.int(1000, 9999))}`,
          ownerId: random.pick(team.executives),
          coordinatorId: random.pick(team.coordinators),
          annualValueCents: status === 'prospect' ? 0 : random.int(20, 900) * 100_000,
          fitScore: status === 'prospect' ? random.int(40, 95) : null,
          source: status === 'prospect' ? random.pick(prospectSources) : null,
          nextStep:
            status === 'prospect'
              ? random.pick(['Send capabilities deck', 'Book intro call', 'Draft proposal outline'])
              : null,
          nextStepDate:
            status === 'prospect'
              ? new Date(now + random.int(1, 30) * day).toISOString().slice(0, 10)
              : null,
          lastActivityAt: new Date(now - random.int(0, 60) * day),
        };
      }),
    )
    .returning({
      id: clients.id,
      name: clients.name,
      status: clients.status,
      ownerId: clients.ownerId,
      coordinatorId: clients.coordinatorId,
      currency: clients.currency,
      lastActivityAt: clients.lastActivityAt,
    });

  for (const client of clientRows) {
    const contactCount = random.int(1, 4);
    await tx.insert(contacts).values(
      Array.from({ length: contactCount }, (_, index) => {
        const first = random.pick(firstNames);
        const last = random.pick(lastNames);
        return {
          clientId: client.id,
          name: `${first} ${last}`,
          title: random.pick(jobTitles),
          email:
            `${first}.${last}@${client.name.toLowerCase().replace(/[^a-z]+/g, '')}.example`.toLowerCase(),
          isPrimary: index === 0,
        };
      }),
    );
    await tx.insert(activities).values(
      Array.from({ length: random.int(2, 6) }, (_, index) => ({
        clientId: client.id,
        kind: random.pick(loggedActivityKinds),
        subject: random.pick(activitySubjects),
        actorId: client.ownerId,
        occurredAt: new Date(
          (client.lastActivityAt?.getTime() ?? now) - index * random.int(1, 9) * day,
        ),
      })),
    );
    await tx
      .insert(clientTags)
      .values({ clientId: client.id, tagId: random.pick(tagRows).id })
      .onConflictDoNothing();
    if (random.next() < 0.4) {
      await tx
        .insert(clientCompetitors)
        .values({ clientId: client.id, competitorId: random.pick(competitorRows).id })
        .onConflictDoNothing();
    }
    if (random.next() < 0.3) {
      await tx.insert(researchNotes).values({
        clientId: client.id,
        topic: 'company',
        summary: `${client.name} is reorganising its marketing team and reviewing agencies next quarter.`,
        authorId: client.ownerId,
      });
    }
  }
  return clientRows;
}

import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, expect, it } from 'vitest';
import { seedDemo } from '@/db/seed/demo';
import { largeSeedSize } from '@/db/seed/large';
import { seedLargeCampaigns } from '@/db/seed/large-campaigns';
import { seedLargeMaterials } from '@/db/seed/large-materials';

const client = postgres(process.env.DATABASE_URL ?? '', { max: 1, onnotice: () => {} });
const seedDb = drizzle(client);

afterAll(async () => {
  await client.end();
});

it('adds campaigns with entries whose sums and alert ledger match what the entry writes keep', async () => {
  await seedDemo(seedDb);
  await client`delete from campaigns`;
  await seedLargeCampaigns(seedDb, () => {}, {
    ...largeSeedSize,
    campaigns: 500,
    budgetEntriesPerCampaign: 10,
  });
  const [counts] = await client`
    select (select count(*)::int from campaigns) as campaigns,
           (select count(*)::int from budget_entries) as entries,
           (select count(distinct status)::int from campaigns) as statuses,
           (select count(*)::int from campaigns c where committed_cents + spent_cents <>
              (select coalesce(sum(amount_cents), 0) from budget_entries e where e.campaign_id = c.id)
           ) as unsummed,
           (select count(*)::int from campaigns where remaining_cents < 0) as over,
           (select count(*)::int from campaigns where remaining_cents < 0 and budget_alert_level <> 100) as unalerted`;
  expect(counts).toMatchObject({
    campaigns: 500,
    entries: 5_000,
    statuses: 4,
    unsummed: 0,
    unalerted: 0,
  });
  expect(Number(counts?.over)).toBeGreaterThan(25);
  expect(Number(counts?.over)).toBeLessThan(400);
});

it("puts every fourth large-seed material on its client's campaign, never another client's", async () => {
  await seedLargeMaterials(seedDb, () => {}, { materials: 400 });
  const [counts] = await client`
    select count(*) filter (where m.campaign_id is not null)::int as linked,
           count(*) filter (where c.client_id <> m.client_id)::int as foreign_campaigns
    from materials m left join campaigns c on c.id = m.campaign_id`;
  expect(counts?.foreign_campaigns).toBe(0);
  expect(counts?.linked).toBeGreaterThan(0);
});

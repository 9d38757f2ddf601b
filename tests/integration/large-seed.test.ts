import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, expect, it } from 'vitest';
import { seedDemo } from '@/db/seed/demo';
import { largeSeedSize, seedLarge } from '@/db/seed/large';
import { contractStatuses } from '@/lib/contracts';
import { materialStatuses } from '@/lib/materials';
import { proposalStatuses } from '@/lib/proposals';

// The large seed's SQL at a tiny size: the same statements, in seconds.
const tiny = {
  ...largeSeedSize,
  clients: 60,
  contactsPerClient: 2,
  activitiesPerClient: 2,
  deals: 2_000,
  proposalEvery: 4,
  // Meetings have their own test (large-meetings-seed.test.ts).
  meetings: 0,
  contracts: 300,
  feedback: 30,
  tasks: 60,
  // Invoices have their own test (large-invoices-seed.test.ts).
  invoices: 0,
  // Campaigns have their own test (large-campaigns-seed.test.ts).
  campaigns: 0,
  materials: 200,
};
const client = postgres(process.env.DATABASE_URL ?? '', { max: 1, onnotice: () => {} });
const seedDb = drizzle(client);

afterAll(async () => {
  await client.end();
});

it('fills the pipeline with deals, history, proposals in every status, versions and reviews', async () => {
  await seedDemo(seedDb);
  // The large seed's own pipeline is what is counted below, not the demo's few deals and proposals.
  await client`delete from proposals`;
  await client`delete from deals`;
  const [demo] = await client`select count(*)::int as templates from proposal_templates`;
  expect(await seedLarge(seedDb, () => {}, tiny)).toBe(true);

  const [counts] = await client`
    select (select count(*)::int from deals) as deals,
           (select count(*)::int from deals where stage <> 'lead') as moved,
           (select count(*)::int from deal_stage_changes) as changes,
           (select count(*)::int from proposals) as proposals,
           (select count(*)::int from proposal_templates where status = 'published') as templates,
           (select sum(version_count)::int from proposals) as submissions,
           (select count(*)::int from proposal_versions) as versions,
           (select count(*)::int from notifications) > 0 as notified`;
  expect(counts).toMatchObject({
    deals: 2_000,
    changes: 2_000 + Number(counts?.moved),
    proposals: 500,
    templates: Number(demo?.templates) + 10,
    versions: Number(counts?.submissions),
    notified: true,
  });
  const statuses = await client`select distinct status from proposals order by status`;
  expect(statuses.map((row) => row.status).sort()).toEqual([...proposalStatuses].sort());

  // Each submission but a pending one has its decision, made after it was submitted.
  const [reviews] = await client`
    select count(*)::int as n,
           count(*) filter (where r.created_at <= r.submitted_at)::int as backwards
    from proposal_reviews r`;
  const [pending] = await client`
    select count(*)::int as n from proposals where status in ('in_review', 'withdrawn')`;
  expect(reviews?.n).toBe(Number(counts?.submissions) - Number(pending?.n));
  expect(reviews?.backwards).toBe(0);
  const [mismatch] = await client`
    select count(*)::int as n from proposals p join deals d on d.id = p.deal_id
    where (p.status = 'accepted') <> (d.stage = 'won')`;
  expect(mismatch?.n).toBe(0);

  expect(await seedLarge(seedDb, () => {}, tiny)).toBe(false);
});

it('adds contracts in every status with their notice deadlines', async () => {
  const rows = await client`
    select status, count(*)::int as n, count(notice_deadline)::int as with_deadline
    from contracts group by status`;
  const byStatus = Object.fromEntries(rows.map((row) => [row.status, row]));
  for (const status of contractStatuses) expect(byStatus[status]?.n).toBeGreaterThan(0);
  const total = rows.reduce((sum, row) => sum + row.n, 0);
  expect(total).toBeGreaterThanOrEqual(tiny.contracts);
  expect(rows.every((row) => row.with_deadline === row.n)).toBe(true);
});

it('adds feedback and tasks at the asked sizes', async () => {
  const [counts] = await client`
    select (select count(*)::int from feedback) as feedback,
           (select count(*)::int from tasks) as tasks,
           (select count(distinct status)::int from feedback) as statuses`;
  // The demo seed adds a handful of each on top.
  expect(counts?.feedback).toBeGreaterThanOrEqual(tiny.feedback);
  expect(counts?.tasks).toBeGreaterThanOrEqual(tiny.tasks);
  expect(counts?.statuses).toBeGreaterThan(1);
});

it('adds materials in every status, each past the request with its files’ rows', async () => {
  const rows = await client<{ status: string; n: number; with_files: number; images: number }[]>`
    select m.status, count(*)::int as n,
           count(*) filter (where exists (select 1 from documents d
             where d.record_kind = 'material' and d.record_id = m.id))::int as with_files,
           count(*) filter (where exists (select 1 from documents d
             where d.record_kind = 'material' and d.record_id = m.id and d.media_type = 'image/png'))::int as images
    from materials m group by m.status`;
  const byStatus = Object.fromEntries(rows.map((row) => [row.status, row]));
  for (const status of materialStatuses) expect(byStatus[status]?.n).toBeGreaterThan(0);
  expect(rows.reduce((sum, row) => sum + row.n, 0)).toBeGreaterThanOrEqual(tiny.materials);
  expect(byStatus.ready?.with_files).toBe(byStatus.ready?.n);
  expect(byStatus.ready?.images).toBeGreaterThan(0);
  expect(byStatus.requested?.with_files).toBe(0);
});

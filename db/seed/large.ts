import 'server-only';
import { sql } from 'drizzle-orm';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { industries } from '@/lib/clients';
import { seedLargeCampaigns } from './large-campaigns';
import { seedLargeFeedback } from './large-feedback';
import { seedLargeMeetings } from './large-meetings';
import { seedLargeContracts } from './large-contracts';
import { seedLargeInvoices } from './large-invoices';
import { seedLargeMaterials } from './large-materials';
import { seedLargePipeline } from './large-pipeline';
import { textArray } from './sql-arrays';
import {
  activitySubjects,
  companyStems,
  companySuffixes,
  firstNames,
  jobTitles,
  lastNames,
  prospectSources,
} from './words';

export type Database = PostgresJsDatabase<Record<string, never>>;

export const largeSeedSize = {
  clients: 100_000,
  contactsPerClient: 3,
  activitiesPerClient: 10,
  researchEvery: 2,
  deals: 200_000,
  /** Every n-th deal has a proposal: 50,000 of 200,000. */
  proposalEvery: 4,
  meetings: 200_000,
  /** The busiest executive is on every n-th meeting as well. */
  busyEvery: 10,
  contracts: 20_000,
  feedback: 50_000,
  tasks: 100_000,
  invoices: 100_000,
  campaigns: 5_000,
  budgetEntriesPerCampaign: 10,
  materials: 20_000,
};

export type LargeSeedSize = typeof largeSeedSize;

async function countOf(
  db: Database,
  table: 'clients' | 'deals' | 'meetings' | 'contracts' | 'invoices' | 'campaigns',
) {
  const [row] = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from ${sql.identifier(table)}`,
  );
  return row?.n ?? 0;
}

/**
 * The benchmark data set, generated inside PostgreSQL with generate_series so it takes a minute or
 * two, not an hour. Each part is added only when the database has fewer rows than `size` asks for,
 * so a database seeded by an earlier version gains the pipeline without doubling its clients.
 * Returns whether anything was added.
 */
export async function seedLarge(
  db: Database,
  log: (message: string) => void,
  size: LargeSeedSize = largeSeedSize,
) {
  const needsClients = (await countOf(db, 'clients')) < size.clients;
  const needsPipeline = (await countOf(db, 'deals')) < size.deals;
  if (needsClients) await seedLargeClients(db, log, size);
  // One transaction, so a failure halfway leaves no deals behind and the next run starts over.
  if (needsPipeline) await db.transaction((tx) => seedLargePipeline(tx, log, size));
  const needsMeetings = (await countOf(db, 'meetings')) < size.meetings;
  if (needsMeetings) await db.transaction((tx) => seedLargeMeetings(tx, log, size));
  const addedFeedback = await seedLargeFeedback(db, log, size);
  const needsContracts = (await countOf(db, 'contracts')) < size.contracts;
  if (needsContracts) await seedLargeContracts(db, log, size);
  const needsInvoices = (await countOf(db, 'invoices')) < size.invoices;
  if (needsInvoices) await db.transaction((tx) => seedLargeInvoices(tx, log, size.invoices));
  const needsCampaigns = (await countOf(db, 'campaigns')) < size.campaigns;
  if (needsCampaigns) await db.transaction((tx) => seedLargeCampaigns(tx, log, size));
  const addedMaterials = await seedLargeMaterials(db, log, size);
  const added = [
    needsClients,
    needsPipeline,
    needsMeetings,
    addedFeedback,
    needsContracts,
    needsInvoices,
    needsCampaigns,
    addedMaterials,
  ];
  if (!added.includes(true)) return false;
  // VACUUM too, not only ANALYZE: freshly inserted pages are not all-visible yet, so the planner
  // would turn the aggregates' index-only scans into sequential ones until autovacuum came by.
  log('statistics and visibility map…');
  await db.execute(sql`vacuum analyze`);
  return true;
}

/**
 * 100,000 clients (15% prospects, 65% active, 10% paused, 10% churned), 300,000 contacts,
 * 1,000,000 activities and 50,000 research notes, spread over the demo team.
 */
async function seedLargeClients(db: Database, log: (message: string) => void, size: LargeSeedSize) {
  const stems = textArray(companyStems);
  const suffixes = textArray(companySuffixes);
  const industryNames = textArray(industries);
  const firsts = textArray(firstNames);
  const lasts = textArray(lastNames);
  const titles = textArray(jobTitles);
  const subjects = textArray(activitySubjects);
  const sources = textArray(prospectSources);
  const executives = sql`(select array_agg(id order by name) from users where role = 'executive' and active)`;
  const coordinators = sql`(select array_agg(id order by name) from users where role = 'coordinator' and active)`;

  log('clients…');
  // The new clients' ids go to a temporary table, so contacts and timelines are added to them
  // and not to clients the database already had.
  await db.execute(sql`
    create temp table large_clients (id uuid, website text, owner_id uuid, coordinator_id uuid, last_activity_at timestamptz, n bigint)
  `);
  await db.execute(sql`
    with inserted as (
    insert into clients (name, status, industry, tier, website, owner_id, coordinator_id, annual_value_cents,
                         fit_score, source, next_step, next_step_date, last_activity_at, created_at, updated_at)
    select
      ${stems}[1 + i % 40] || ' ' || ${suffixes}[1 + (i / 40) % 20] || ' ' || (i / 800 + 1),
      (case when i % 20 < 3 then 'prospect' when i % 20 < 16 then 'active' when i % 20 < 18 then 'paused' else 'churned' end)::client_status,
      ${industryNames}[1 + (i * 7) % ${industries.length}],
      (case when i % 10 = 0 then 'strategic' when i % 10 < 4 then 'key' else 'standard' end)::client_tier,
      replace(lower(${stems}[1 + i % 40] || ${suffixes}[1 + (i / 40) % 20]), ' ', '') || (i / 800 + 1) || '.example',
      owners.ids[1 + i % cardinality(owners.ids)],
      coordinators.ids[1 + (i / 3) % cardinality(coordinators.ids)],
      case when i % 20 < 3 then 0 else (10 + (i * 37) % 990) * 100000 end,
      case when i % 20 < 3 then 30 + (i * 13) % 70 end,
      case when i % 20 < 3 then ${sources}[1 + i % 6] end,
      case when i % 20 < 3 then 'Book an intro call' end,
      case when i % 20 < 3 then current_date + (i % 60) end,
      now() - make_interval(mins => (i * 7919) % 525600),
      now() - make_interval(days => 30 + i % 1000),
      now() - make_interval(mins => ((i::bigint * 104729) % 525600)::int)
    from generate_series(1, ${size.clients}) as i,
         (select ${executives} as ids) as owners,
         (select ${coordinators} as ids) as coordinators
    returning id, website, owner_id, coordinator_id, last_activity_at
    )
    insert into large_clients select *, row_number() over () from inserted
  `);

  log('contacts…');
  await db.execute(sql`
    insert into contacts (client_id, name, title, email, is_primary)
    select c.id,
           ${firsts}[1 + (c.n + k) % 20] || ' ' || ${lasts}[1 + (c.n * 3 + k) % 20],
           ${titles}[1 + (c.n + k) % 10],
           lower(${firsts}[1 + (c.n + k) % 20] || '.' || ${lasts}[1 + (c.n * 3 + k) % 20]) || c.n || '@' || c.website,
           k = 1
    from large_clients c,
         generate_series(1, ${size.contactsPerClient}) as k
  `);

  log('activities…');
  await db.execute(sql`
    insert into activities (client_id, kind, subject, actor_id, occurred_at)
    select c.id,
           (array['note','call','email','meeting','change'])[1 + (c.n + k) % 5]::activity_kind,
           ${subjects}[1 + (c.n + k) % 10],
           c.owner_id,
           c.last_activity_at - make_interval(days => k * 3)
    from large_clients c,
         generate_series(0, ${size.activitiesPerClient - 1}) as k
  `);

  log('research notes…');
  await db.execute(sql`
    insert into research_notes (client_id, topic, summary, author_id)
    select id, (array['company','market','competitor','industry_news'])[1 + n % 4]::research_topic,
           'Reviewing agencies next quarter; budget owner is the marketing director.', coordinator_id
    from large_clients c
    where n % ${size.researchEvery} = 0
  `);

  await db.execute(sql`drop table large_clients`);
}

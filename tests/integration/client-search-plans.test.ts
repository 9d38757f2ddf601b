import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { clients, contacts } from '@/db/schema';
import { clientListSchema, type ClientSort } from '@/lib/validation/clients';
import type { CurrentUser } from '@/server/auth/session';
import {
  clientListWhere,
  clientMatches,
  searchWalkLength,
  walkedPageQuery,
} from '@/server/clients/list-query';
import { listClients } from '@/server/clients/queries';
import {
  createClientRecord,
  createContactRecord,
  setVisibility,
} from '../support/client-factories';
import { asCurrentUser, createActor, createUser } from '../support/factories';

// Enough clients that a broad term's estimate passes the walk's bar, as on the large seed: half
// of them hold "zephyr" (by name, website or a contact, a third each), clustered by name. Two
// owners share a name, so their clients sort together by id.
const clientCount = 6_000;

let coordinator: CurrentUser;
let manager: CurrentUser;

beforeAll(async () => {
  coordinator = asCurrentUser(await createUser({ role: 'coordinator' }));
  manager = await createActor('manager');
  const other = await createUser({ role: 'executive' });
  const namesake = await createUser({ role: 'executive', name: other.name });
  await db.execute(sql`
    insert into clients (name, status, industry, website, owner_id, coordinator_id, annual_value_cents, last_activity_at)
    select
      (case when i % 6 = 0 then 'Zephyr Works ' when i % 6 = 1 then 'Anchor ' else 'Meadow ' end) || i,
      (array['prospect','active','paused','churned'])[1 + i % 4]::client_status,
      case when i % 5 = 0 then null else 'Industry ' || i % 7 end,
      case when i % 6 = 2 then 'zephyr' || i || '.example' else 'site' || i || '.example' end,
      case when i % 3 = 0 then ${other.id}::uuid when i % 7 = 0 then ${namesake.id}::uuid end,
      case when i % 4 = 0 then ${coordinator.id}::uuid end,
      (i * 37) % 1000 * 100,
      case when i % 9 <> 0 then now() - make_interval(mins => (i * 7919) % 100000) end
    from generate_series(1, ${clientCount}) as i`);
  await db.execute(sql`
    insert into contacts (client_id, name, email)
    select id,
           case when right(name, 1) in ('3', '9') then 'Zephyrine Holt' else 'Ann Lee' end,
           case when right(name, 1) = '5' then 'ann@zephyr.example' end
    from clients where name like 'Anchor %' or name like 'Meadow %'`);
  // As autovacuum leaves a settled table: index-only scans need its visibility map.
  await db.execute(sql`vacuum analyze clients`);
});

/** The list as one query of every match would give it: the plan before the walk and the gathering. */
async function reference(
  viewer: CurrentUser,
  params: Record<string, string>,
): Promise<{ ids: string[]; total: number }> {
  const parsed = clientListSchema.parse(params);
  const pattern = `%${parsed.q}%`;
  const visibility =
    viewer.role === 'manager'
      ? sql`true`
      : sql`(clients.owner_id = ${viewer.id} or clients.coordinator_id = ${viewer.id})`;
  const order: Record<ClientSort, string> = {
    name: 'clients.name',
    status: 'clients.status',
    industry: 'clients.industry',
    tier: 'clients.tier',
    owner: 'owners.name',
    coordinator: 'coordinators.name',
    annualValue: 'clients.annual_value_cents',
    lastActivityAt: 'clients.last_activity_at',
    updatedAt: 'clients.updated_at',
    fitScore: 'clients.fit_score',
    nextStepDate: 'clients.next_step_date',
  };
  const nulls =
    parsed.sort === 'lastActivityAt' ? (parsed.dir === 'asc' ? 'nulls first' : 'nulls last') : '';
  const rows = await db.execute<{ id: string }>(sql`
    select clients.id from clients
    left join users owners on owners.id = clients.owner_id
    left join users coordinators on coordinators.id = clients.coordinator_id
    where ${visibility}
      and (${parsed.status ? sql`clients.status = ${parsed.status}` : sql`true`})
      and (clients.name ilike ${pattern} or clients.website ilike ${pattern}
        or clients.id in (select client_id from contacts where name ilike ${pattern} or email ilike ${pattern}))
    order by ${sql.raw(`${order[parsed.sort]} ${parsed.dir} ${nulls}, clients.id ${parsed.dir}`)}`);
  const ids = rows.map((row) => row.id);
  const start = (parsed.page - 1) * parsed.size;
  return { ids: ids.slice(start, start + parsed.size), total: ids.length };
}

async function expectSameAsReference(viewer: CurrentUser, params: Record<string, string>) {
  const expected = await reference(viewer, params);
  const listed = await listClients(viewer, clientListSchema.parse(params));
  expect(listed.rows.map((row) => row.id)).toEqual(expected.ids);
  // A walked page says only that more follow; a gathered one counts them all.
  if (listed.totalIsCapped) expect(expected.total).toBeGreaterThanOrEqual(listed.total);
  else expect(listed.total).toBe(expected.total);
  return listed;
}

const walks = async (viewer: CurrentUser, params: Record<string, string>) => {
  const parsed = clientListSchema.parse(params);
  const filters = clientListWhere(undefined, { ...parsed, q: undefined });
  return (await searchWalkLength(and(filters, clientMatches(parsed.q!)))) > 0;
};

/** The walk's page for `params` (its ids, the page and one more when it stands) and its plan. */
async function walked(params: Record<string, string>, walkLength = 3_000) {
  const parsed = clientListSchema.parse(params);
  const filters = clientListWhere(undefined, { ...parsed, q: undefined });
  const query = walkedPageQuery(filters, clientMatches(parsed.q!), parsed, walkLength);
  const rows = await db.execute<{ id: string }>(query);
  const plan = await db.execute<{ 'QUERY PLAN': string }>(sql`explain ${query}`);
  return { ids: rows.map((row) => row.id), plan: plan.map((row) => row['QUERY PLAN']).join('\n') };
}

type PlanNode = {
  'Node Type': string;
  'Relation Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
};

class Rollback {
  constructor(readonly value: number) {}
}

/**
 * How many rows of clients a plan's index scans (the walks) read, kept or filtered out, over all
 * their loops. The list of people may hash a scan of every client to see who has any.
 */
function walkedClientRows(node: PlanNode): number {
  const own =
    node['Relation Name'] === 'clients' && node['Node Type'].startsWith('Index')
      ? (node['Actual Rows'] + (node['Rows Removed by Filter'] ?? 0)) * node['Actual Loops']
      : 0;
  return own + (node.Plans ?? []).reduce((sum, child) => sum + walkedClientRows(child), 0);
}

describe('the clients list search', () => {
  const sorts: Record<string, string>[] = [
    { sort: 'name', dir: 'asc' },
    { sort: 'name', dir: 'desc' },
    { sort: 'lastActivityAt', dir: 'desc' },
    { sort: 'lastActivityAt', dir: 'asc' },
    { sort: 'annualValue', dir: 'asc' },
    { sort: 'industry', dir: 'desc' },
    { sort: 'owner', dir: 'asc' },
    { sort: 'owner', dir: 'desc' },
    { sort: 'coordinator', dir: 'asc' },
    { sort: 'coordinator', dir: 'desc' },
  ];

  it('walks for a broad term and gathers a rare one', async () => {
    expect(await walks(manager, { q: 'zephyr' })).toBe(true);
    expect(await walks(manager, { q: 'Meadow 123' })).toBe(false);
  });

  it('tests one column for a term on one trigram index', async () => {
    // On 6,000 clients reading them all costs little: the plan shows what the index can serve.
    const plan = await db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return tx.execute<{ 'QUERY PLAN': string }>(
        sql`explain select 1 from clients where ${clientMatches('Meadow 123')}`,
      );
    });
    const text = plan.map((row) => row['QUERY PLAN']).join('\n');
    expect(text).toMatch(/Bitmap Index Scan on clients_search_text_trgm_idx/);
    expect(text).toContain("(search_text ~~ '%meadow 123%'::text)");
    expect(text).not.toMatch(/BitmapOr/);
  });

  it("walks each owner's and coordinator's clients in turn, a page at a time", async () => {
    for (const sort of ['owner', 'coordinator']) {
      for (const dir of ['asc', 'desc']) {
        const { ids, plan } = await walked({ q: 'zephyr', sort, dir, size: '10', page: '2' });
        expect(ids).toHaveLength(11);
        expect(plan).not.toMatch(/Seq Scan on clients/);
      }
    }
  });

  it('reads only the clients it tests when walking person by person, on any plan', async () => {
    for (const sort of ['owner', 'coordinator']) {
      const parsed = clientListSchema.parse({ q: 'zephyr', sort, size: '10' });
      const filters = clientListWhere(undefined, { ...parsed, q: undefined });
      const query = walkedPageQuery(filters, clientMatches(parsed.q!), parsed, 3_000);
      // The large seed's planner takes each person's clients off the primary key, filtering by
      // person; without the people's indexes this one must too (dropped, then rolled back).
      const read = await db
        .transaction(async (tx) => {
          await tx.execute(sql`drop index clients_owner_id_idx, clients_owner_idx,
            clients_coordinator_id_idx, clients_coordinator_idx`);
          const [explained] = await tx.execute<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
            sql`explain (analyze, format json) ${query}`,
          );
          throw new Rollback(walkedClientRows(explained!['QUERY PLAN'][0].Plan));
        })
        .catch((error: unknown) => {
          if (error instanceof Rollback) return error.value;
          throw error;
        });
      // Half the clients hold "zephyr": each walk stops within a few dozen of the 6,000.
      expect(read).toBeGreaterThan(0);
      expect(read).toBeLessThan(500);
    }
  });

  it("walks the name order on an index that holds what it tests, not the clients' rows", async () => {
    for (const dir of ['asc', 'desc']) {
      const { plan } = await walked({ q: 'zephyr', sort: 'name', dir });
      expect(plan).toContain('Index Only Scan');
      expect(plan).toContain('clients_name_search_idx');
    }
  });

  it('walks no further than its length, so a far cluster of matches is gathered', async () => {
    // By name, the first "Zephyr Works" comes after every "Anchor" and "Meadow": 5,000 clients in.
    const clustered = { q: 'zephyr works', sort: 'name', size: '10' };
    expect((await walked(clustered, 4_000)).ids).toEqual([]);
    expect((await walked(clustered, 6_000)).ids).toHaveLength(11);
    expect((await walked({ ...clustered, dir: 'desc' }, 4_000)).ids).toHaveLength(11);
    // As far as gathering the estimated matches would cost: half of 6,000 clients hold "zephyr".
    const length = await searchWalkLength(clientMatches('zephyr'));
    expect(length).toBeGreaterThan(2_000);
    expect(length).toBeLessThanOrEqual(10_000);
  });

  it('gives the rows, order and count of one query of every match, whichever plan it takes', async () => {
    for (const sort of sorts) {
      for (const q of [
        'zephyr',
        'ZEPHYRINE',
        'zephyr works',
        'Meadow 123',
        'ann@zephyr',
        'nothing-matches',
      ]) {
        const extras: Record<string, string>[] = [
          {},
          { page: '3' },
          { status: 'active' },
          { size: '10', page: '2' },
        ];
        for (const extra of extras) {
          await expectSameAsReference(manager, { q, ...sort, ...extra });
        }
      }
    }
  });

  it('keeps to the accounts a coordinator sees under assigned visibility', async () => {
    await setVisibility('assigned');
    try {
      for (const sort of sorts) {
        for (const q of ['zephyr', 'Anchor 1', 'zephyrine']) {
          await expectSameAsReference(coordinator, { q, ...sort });
          await expectSameAsReference(coordinator, { q, ...sort, page: '2', status: 'paused' });
        }
      }
    } finally {
      await setVisibility('open');
    }
  });

  it('says more follow on a walked page and counts a gathered one exactly', async () => {
    const broad = await expectSameAsReference(manager, { q: 'zephyr', size: '50' });
    expect(broad).toMatchObject({ total: 51, totalIsCapped: true });
    const rare = await expectSameAsReference(manager, { q: 'Meadow 123' });
    expect(rare.totalIsCapped).toBe(false);
    expect(rare.total).toBeGreaterThan(0);
  });

  it('finds a client by its contacts as they are added, renamed, moved and removed', async () => {
    const stem = `Quillon${Date.now()}`;
    const first = await createClientRecord({ name: 'Plain first' });
    const second = await createClientRecord({ name: 'Plain second' });
    const found = async (q: string) =>
      (await listClients(manager, clientListSchema.parse({ q }))).rows.map((row) => row.id);

    const contact = await createContactRecord(first.id, { name: `${stem} Ray` });
    expect(await found(stem.toUpperCase())).toEqual([first.id]);
    await db
      .update(contacts)
      .set({ email: `ray@${stem}.example`, name: 'Ray' })
      .where(eq(contacts.id, contact.id));
    expect(await found(`ray@${stem}`)).toEqual([first.id]);
    expect(await found(`${stem} Ray`)).toEqual([]);
    await db.update(contacts).set({ clientId: second.id }).where(eq(contacts.id, contact.id));
    expect(await found(stem)).toEqual([second.id]);
    await db.delete(contacts).where(eq(contacts.id, contact.id));
    expect(await found(stem)).toEqual([]);
    const [row] = await db
      .select({ contactText: clients.contactText })
      .from(clients)
      .where(eq(clients.id, second.id));
    expect(row?.contactText).toBe('');
  });

  it('matches a term with a line break contact by contact, never across two of them', async () => {
    const client = await createClientRecord({ name: 'Line break' });
    await createContactRecord(client.id, { name: 'Tove Brekke', email: 'tove@linebreak.example' });
    const found = async (q: string) =>
      (await listClients(manager, clientListSchema.parse({ q }))).rows.map((row) => row.id);
    expect(await found('brekke\ntove@line')).toEqual([]);
    expect(await found('linebreak.example')).toEqual([client.id]);
  });
});

import { eq, inArray, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditLog, clients, clientTags, tags } from '@/db/schema';
import { bulkCap, type BulkSelection } from '@/lib/bulk';
import { executeAction } from '@/server/action';
import {
  bulkClientStatusCommand,
  bulkReassignClientsCommand,
  bulkTagClientsCommand,
} from '@/server/clients/bulk';
import { clientsCsv } from '@/server/clients/queries';
import { clientListSchema } from '@/lib/validation/clients';
import { csvRecords } from '../support/csv';
import { createActor, createUser } from '../support/factories';
import { createClientRecord, setVisibility } from '../support/client-factories';

type Row = { id: string; version: number };
const byRows = (...rows: Row[]): BulkSelection => ({ mode: 'rows', rows });
const byFilter = (filter: Record<string, string>, listedAt = new Date()): BulkSelection => ({
  mode: 'filter',
  filter,
  listedAt: listedAt.toISOString(),
});

async function clientRow(id: string) {
  const [row] = await db.select().from(clients).where(eq(clients.id, id));
  if (!row) throw new Error('client missing');
  return row;
}

async function auditRows(ids: string[]) {
  return db.select().from(auditLog).where(inArray(auditLog.entityId, ids));
}

async function tagNames(clientId: string) {
  const rows = await db
    .select({ name: tags.name })
    .from(clientTags)
    .innerJoin(tags, eq(tags.id, clientTags.tagId))
    .where(eq(clientTags.clientId, clientId));
  return rows.map((row) => row.name);
}

beforeEach(async () => {
  await setVisibility('open');
});

describe('bulk reassign', () => {
  it('refuses coordinators outright and changes nothing', async () => {
    const coordinator = await createActor('coordinator');
    const target = await createUser({ role: 'coordinator' });
    const client = await createClientRecord();
    const result = await executeAction(bulkReassignClientsCommand, coordinator, {
      selection: byRows(client),
      role: 'coordinator',
      userId: target.id,
    });
    expect(result).toMatchObject({ ok: false, code: 'forbidden' });
    expect((await clientRow(client.id)).coordinatorId).toBeNull();
  });

  it('lets an executive reassign only their own accounts and counts the others as not allowed', async () => {
    const executive = await createActor('executive');
    const target = await createUser({ role: 'coordinator' });
    const own = await createClientRecord({ ownerId: executive.id });
    const others = await createClientRecord();
    const result = await executeAction(bulkReassignClientsCommand, executive, {
      selection: byRows(own, others),
      role: 'coordinator',
      userId: target.id,
    });
    expect(result).toEqual({
      ok: true,
      data: expect.objectContaining({
        changed: 1,
        skipped: 1,
        message: '1 changed, 1 skipped (1 not allowed).',
      }),
    });
    expect((await clientRow(own.id)).coordinatorId).toBe(target.id);
    expect((await clientRow(own.id)).version).toBe(own.version + 1);
    expect((await clientRow(others.id)).coordinatorId).toBeNull();
    const audit = await auditRows([own.id, others.id]);
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'client.reassigned',
        entityId: own.id,
        actorId: executive.id,
        before: { coordinatorId: null },
        after: { coordinatorId: target.id, bulk: true },
      }),
    ]);
  });

  it('lets a manager reassign every account matching a filter, with an audit row each', async () => {
    const manager = await createActor('manager');
    const oldOwner = await createUser({ role: 'executive' });
    const newOwner = await createUser({ role: 'executive' });
    const matching = [
      await createClientRecord({ ownerId: oldOwner.id }),
      await createClientRecord({ ownerId: oldOwner.id }),
    ];
    const outside = await createClientRecord();
    const result = await executeAction(bulkReassignClientsCommand, manager, {
      selection: byFilter({ owner: oldOwner.id }),
      role: 'owner',
      userId: newOwner.id,
    });
    expect(result).toMatchObject({ ok: true, data: { changed: 2, skipped: 0 } });
    for (const client of matching) expect((await clientRow(client.id)).ownerId).toBe(newOwner.id);
    expect((await clientRow(outside.id)).ownerId).toBeNull();
    expect(await auditRows(matching.map((client) => client.id))).toHaveLength(2);
  });

  it('refuses an inactive user as the new owner and changes nothing', async () => {
    const manager = await createActor('manager');
    const inactive = await createUser({ role: 'executive', active: false });
    const client = await createClientRecord();
    const result = await executeAction(bulkReassignClientsCommand, manager, {
      selection: byRows(client),
      role: 'owner',
      userId: inactive.id,
    });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { userId: ['Choose an active user.'] },
    });
  });

  it('refuses a malformed selection with a clear message', async () => {
    const manager = await createActor('manager');
    const result = await executeAction(bulkReassignClientsCommand, manager, {
      selection: { mode: 'rows', rows: [] },
      role: 'owner',
      userId: manager.id,
    });
    expect(result).toMatchObject({ ok: false });
    if (result.ok) return;
    expect(JSON.stringify(result.fieldErrors)).toContain('Select at least one row.');
  });
});

describe('visibility, versions and failures', () => {
  it('skips clients hidden under assigned visibility as not found', async () => {
    await setVisibility('assigned');
    const coordinator = await createActor('coordinator');
    const mine = await createClientRecord({ coordinatorId: coordinator.id });
    const hidden = await createClientRecord();
    const result = await executeAction(bulkTagClientsCommand, coordinator, {
      selection: byRows(mine, hidden),
      operation: 'add',
      tag: 'Renewal',
    });
    expect(result).toMatchObject({
      ok: true,
      data: { changed: 1, skipped: 1, message: '1 changed, 1 skipped (1 not found).' },
    });
    expect(await tagNames(hidden.id)).toEqual([]);
    // "All matching" re-runs the filter with the same visibility: the hidden one is never counted.
    const all = await executeAction(bulkTagClientsCommand, coordinator, {
      selection: byFilter({}),
      operation: 'remove',
      tag: 'renewal',
    });
    expect(all).toMatchObject({ ok: true, data: { changed: 1, skipped: 0 } });
    expect(await tagNames(mine.id)).toEqual([]);
  });

  it('skips rows whose version moved on since they were shown', async () => {
    const coordinator = await createActor('coordinator');
    const fresh = await createClientRecord();
    const edited = await createClientRecord();
    await db.update(clients).set({ version: 2 }).where(eq(clients.id, edited.id));
    const result = await executeAction(bulkClientStatusCommand, coordinator, {
      selection: byRows(fresh, edited),
      status: 'paused',
    });
    expect(result).toMatchObject({
      ok: true,
      data: { changed: 1, message: '1 changed, 1 skipped (1 changed by someone else).' },
    });
    expect((await clientRow(edited.id)).status).toBe('active');
  });

  it('skips clients changed after the list was read when all matching are selected', async () => {
    const coordinator = await createActor('coordinator');
    const industry = 'Energy';
    const before = await createClientRecord({ industry });
    const listedAt = new Date();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const changedSince = await createClientRecord({ industry });
    const result = await executeAction(bulkClientStatusCommand, coordinator, {
      selection: byFilter({ industry }, listedAt),
      status: 'churned',
    });
    expect(result).toMatchObject({ ok: true, data: { changed: 1, reasons: { stale: 1 } } });
    expect((await clientRow(before.id)).status).toBe('churned');
    expect((await clientRow(changedSince.id)).status).toBe('active');
  });

  it('counts clients that already are so, and writes no audit row for them', async () => {
    const coordinator = await createActor('coordinator');
    const paused = await createClientRecord({ status: 'paused' });
    const result = await executeAction(bulkClientStatusCommand, coordinator, {
      selection: byRows(paused),
      status: 'paused',
    });
    expect(result).toMatchObject({ ok: true, data: { changed: 0, reasons: { unchanged: 1 } } });
    expect(await auditRows([paused.id])).toEqual([]);
  });

  it('changes nothing at all when one record fails unexpectedly', async () => {
    const manager = await createActor('manager');
    const owner = await createUser({ role: 'executive' });
    const fine = await createClientRecord({ name: 'Fine Co' });
    const broken = await createClientRecord({ name: 'Broken Co' });
    await db.execute(sql`
      create function refuse_broken() returns trigger language plpgsql as $$
      begin
        if new.name = 'Broken Co' then raise exception 'disk on fire'; end if;
        return new;
      end $$;
      create trigger refuse_broken before update on clients
        for each row execute function refuse_broken();
    `);
    try {
      await expect(
        executeAction(bulkReassignClientsCommand, manager, {
          selection: byRows(fine, broken),
          role: 'owner',
          userId: owner.id,
        }),
      ).rejects.toThrow();
    } finally {
      await db.execute(sql`drop trigger refuse_broken on clients; drop function refuse_broken();`);
    }
    expect((await clientRow(fine.id)).ownerId).toBeNull();
    expect(await auditRows([fine.id, broken.id])).toEqual([]);
  });

  it(`refuses more than ${bulkCap} matching clients with a clear message`, async () => {
    const coordinator = await createActor('coordinator');
    await db.execute(sql`
      insert into clients (name, status, industry)
      select 'Bulk ' || n, 'active', 'Retail' from generate_series(1, ${bulkCap + 1}) n
    `);
    const result = await executeAction(bulkClientStatusCommand, coordinator, {
      selection: byFilter({ industry: 'Retail' }),
      status: 'paused',
    });
    expect(result).toMatchObject({
      ok: false,
      error: 'More than 10,000 clients match this filter. Narrow it down and try again.',
    });
    const [paused] = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from clients where industry = 'Retail' and status = 'paused'`,
    );
    expect(paused?.n).toBe(0);
  });
});

describe('bulk tags and export', () => {
  it('adds a tag (creating it) and removes it case-insensitively, bumping versions', async () => {
    const executive = await createActor('executive');
    const one = await createClientRecord();
    const two = await createClientRecord();
    const added = await executeAction(bulkTagClientsCommand, executive, {
      selection: byRows(one, two),
      operation: 'add',
      tag: 'Q3 push',
    });
    expect(added).toMatchObject({ ok: true, data: { changed: 2 } });
    expect(await tagNames(one.id)).toEqual(['Q3 push']);
    const again = await executeAction(bulkTagClientsCommand, executive, {
      selection: byRows({ id: one.id, version: one.version + 1 }),
      operation: 'add',
      tag: 'q3 PUSH',
    });
    expect(again).toMatchObject({ ok: true, data: { changed: 0, reasons: { unchanged: 1 } } });
    const removed = await executeAction(bulkTagClientsCommand, executive, {
      selection: byRows({ id: two.id, version: two.version + 1 }),
      operation: 'remove',
      tag: 'Q3 PUSH',
    });
    expect(removed).toMatchObject({ ok: true, data: { changed: 1 } });
    expect(await tagNames(two.id)).toEqual([]);
    const actions = (await auditRows([one.id, two.id])).map((row) => row.action).sort();
    expect(actions).toEqual(['client.tagged', 'client.tagged', 'client.untagged']);
  });

  it('exports only the selected clients the viewer may see', async () => {
    await setVisibility('assigned');
    const coordinator = await createActor('coordinator');
    const mine = await createClientRecord({ coordinatorId: coordinator.id });
    await createClientRecord({ coordinatorId: coordinator.id });
    const hidden = await createClientRecord();
    const rows = await csvRecords(
      await clientsCsv(coordinator, clientListSchema.parse({}), [mine.id, hidden.id]),
    );
    expect(rows.map((row) => row.Name)).toEqual([mine.name]);
  });
});

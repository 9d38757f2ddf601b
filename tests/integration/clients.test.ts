import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { activities, auditLog, clients, contacts } from '@/db/schema';
import { clientListSchema } from '@/lib/validation/clients';
import { executeAction } from '@/server/action';
import {
  addContactCommand,
  convertProspectCommand,
  createClientCommand,
  logActivityCommand,
  reassignClientCommand,
  updateClientCommand,
  updateContactCommand,
} from '@/server/clients/commands';
import {
  getClient,
  getClientWithRecords,
  listClientFilterOptions,
  listClients,
  clientsCsv,
} from '@/server/clients/queries';
import { searchEverything } from '@/server/search/queries';
import { setRecordVisibilityCommand } from '@/server/settings/commands';
import { csvRecords } from '../support/csv';
import { createActor, createUser } from '../support/factories';
import {
  clientForm,
  createClientRecord,
  createContactRecord,
  setVisibility,
} from '../support/client-factories';

const listParams = (overrides: Record<string, string> = {}) => clientListSchema.parse(overrides);
const notFoundError = expect.objectContaining({ digest: expect.stringContaining('404') });

const exportedRows = async (...args: Parameters<typeof clientsCsv>) =>
  csvRecords(await clientsCsv(...args));

beforeEach(async () => {
  await setVisibility('open');
});

describe('creating and editing clients', () => {
  it('creates a client with tags, a timeline entry and an audit entry in one go', async () => {
    const coordinator = await createActor('coordinator');
    const result = await executeAction(
      createClientCommand,
      coordinator,
      clientForm({ name: 'Lumen Labs' }),
    );
    if (!result.ok) throw new Error(result.error);
    const client = await getClient(coordinator, result.data.id);
    expect(client).toMatchObject({
      name: 'Lumen Labs',
      annualValueCents: 12_000_000,
      coordinatorId: coordinator.id,
    });
    expect(client.tags.map((tag) => tag.name)).toEqual(['Global', 'Retainer']);
    const options = await listClientFilterOptions(coordinator);
    expect(options.tags.map((tag) => tag.name)).toEqual(['Global', 'Retainer']);
    expect(options.users.map((user) => user.id)).toContain(coordinator.id);
    const timeline = await db.select().from(activities).where(eq(activities.clientId, client.id));
    expect(timeline.map((entry) => entry.subject)).toEqual(['Added the account']);
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.entityId, client.id));
    expect(audit).toMatchObject({ action: 'client.created', actorId: coordinator.id });
  });

  it('lets only those who may reassign choose the team of a new account', async () => {
    const [coordinator, executive, manager] = [
      await createActor('coordinator'),
      await createActor('executive'),
      await createActor('manager'),
    ];
    const team = { ownerId: executive.id, coordinatorId: manager.id };
    const byCoordinator = await executeAction(createClientCommand, coordinator, clientForm(team));
    const byExecutive = await executeAction(
      createClientCommand,
      executive,
      clientForm({ ...team, ownerId: manager.id }),
    );
    const byManager = await executeAction(createClientCommand, manager, clientForm(team));
    if (!byCoordinator.ok || !byExecutive.ok || !byManager.ok) throw new Error('not created');
    expect(await getClient(manager, byCoordinator.data.id)).toMatchObject({
      ownerId: null,
      coordinatorId: coordinator.id,
    });
    expect(await getClient(manager, byExecutive.data.id)).toMatchObject({
      ownerId: executive.id,
      coordinatorId: manager.id,
    });
    expect(await getClient(manager, byManager.data.id)).toMatchObject(team);
  });

  it('refuses bad input field by field and creates nothing', async () => {
    const coordinator = await createActor('coordinator');
    const before = await db.$count(clients);
    const result = await executeAction(
      createClientCommand,
      coordinator,
      clientForm({
        name: '',
        annualValue: 'lots',
        website: 'not a site',
        industry: 'Piracy',
        status: 'gone',
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual([
      'annualValue',
      'industry',
      'name',
      'status',
      'website',
    ]);
    expect(await db.$count(clients)).toBe(before);
  });

  it('saves an edit against the version it read, and refuses a stale one without overwriting', async () => {
    const [first, second] = [await createActor('coordinator'), await createActor('executive')];
    const client = await createClientRecord({ name: 'Orchard Foods' });
    const firstSave = await executeAction(updateClientCommand, first, {
      ...clientForm({ name: 'Orchard Foods Group' }),
      clientId: client.id,
      version: String(client.version),
    });
    expect(firstSave).toMatchObject({ ok: true, data: { version: client.version + 1 } });
    const staleSave = await executeAction(updateClientCommand, second, {
      ...clientForm({ name: 'Orchard Foods Inc' }),
      clientId: client.id,
      version: String(client.version),
    });
    expect(staleSave).toMatchObject({
      ok: false,
      code: 'stale',
      error: expect.stringContaining('changed by someone else'),
    });
    expect((await getClient(first, client.id)).name).toBe('Orchard Foods Group');
    const changes = await db.select().from(activities).where(eq(activities.clientId, client.id));
    expect(changes.map((entry) => entry.subject)).toEqual([
      expect.stringContaining('Changed name'),
    ]);
  });

  it('converts a prospect once', async () => {
    const coordinator = await createActor('coordinator');
    const prospect = await createClientRecord({ status: 'prospect' });
    const converted = await executeAction(convertProspectCommand, coordinator, {
      clientId: prospect.id,
      version: String(prospect.version),
    });
    expect(converted.ok).toBe(true);
    expect((await getClient(coordinator, prospect.id)).status).toBe('active');
    const again = await executeAction(convertProspectCommand, coordinator, {
      clientId: prospect.id,
      version: String(prospect.version + 1),
    });
    expect(again).toMatchObject({
      ok: false,
      code: 'conflict',
    });
  });

  it('logs calls and notes on the timeline and moves the last-activity time', async () => {
    const executive = await createActor('executive');
    const client = await createClientRecord();
    const result = await executeAction(logActivityCommand, executive, {
      clientId: client.id,
      kind: 'call',
      subject: 'Budget call',
      body: 'Agreed Q1 scope',
    });
    expect(result.ok).toBe(true);
    const records = await getClientWithRecords(executive, client.id);
    expect(records.activities[0]).toMatchObject({
      kind: 'call',
      subject: 'Budget call',
      body: 'Agreed Q1 scope',
      actorName: executive.name,
    });
    expect((await getClient(executive, client.id)).lastActivityAt).toBeInstanceOf(Date);
  });
});

describe('contacts', () => {
  it('keeps one primary contact per client', async () => {
    const coordinator = await createActor('coordinator');
    const client = await createClientRecord();
    const first = await createContactRecord(client.id, { isPrimary: true });
    const added = await executeAction(addContactCommand, coordinator, {
      clientId: client.id,
      name: 'New Primary',
      email: 'np@example.test',
      isPrimary: 'on',
    });
    expect(added.ok).toBe(true);
    const rows = await db.select().from(contacts).where(eq(contacts.clientId, client.id));
    expect(rows.filter((row) => row.isPrimary).map((row) => row.name)).toEqual(['New Primary']);
    const stale = await executeAction(updateContactCommand, coordinator, {
      clientId: client.id,
      contactId: first.id,
      version: String(first.version + 5),
      name: 'Renamed',
    });
    expect(stale).toMatchObject({ ok: false, code: 'stale' });
  });
});

describe('reassigning accounts', () => {
  it('follows the matrix: never a coordinator, an executive only on own accounts, a manager always', async () => {
    const [coordinator, executive, otherExecutive, manager] = [
      await createActor('coordinator'),
      await createActor('executive'),
      await createActor('executive'),
      await createActor('manager'),
    ];
    const own = await createClientRecord({ ownerId: executive.id });
    const others = await createClientRecord({ ownerId: otherExecutive.id });
    const reassign = (actor: typeof manager, client: typeof own, ownerId: string) =>
      executeAction(reassignClientCommand, actor, {
        clientId: client.id,
        version: String(client.version),
        ownerId,
        coordinatorId: coordinator.id,
      });

    expect(await reassign(coordinator, own, coordinator.id)).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await reassign(executive, others, executive.id)).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect((await db.select().from(clients).where(eq(clients.id, others.id)))[0]?.ownerId).toBe(
      otherExecutive.id,
    );
    expect(await reassign(executive, own, otherExecutive.id)).toMatchObject({ ok: true });
    expect(await reassign(manager, others, executive.id)).toMatchObject({ ok: true });
    const [moved] = await db.select().from(clients).where(eq(clients.id, others.id));
    expect(moved).toMatchObject({ ownerId: executive.id, coordinatorId: coordinator.id });
  });
});

describe('record visibility', () => {
  it('lets only managers choose it', async () => {
    for (const role of ['coordinator', 'executive'] as const) {
      const result = await executeAction(setRecordVisibilityCommand, await createActor(role), {
        visibility: 'assigned',
      });
      expect(result).toMatchObject({ ok: false, code: 'forbidden' });
    }
    const result = await executeAction(setRecordVisibilityCommand, await createActor('manager'), {
      visibility: 'assigned',
    });
    expect(result).toMatchObject({ ok: true, data: { visibility: 'assigned' } });
  });

  it('under "assigned", hides other teams\' accounts from lists, search, pages, exports and actions', async () => {
    const coordinator = await createActor('coordinator');
    const manager = await createActor('manager');
    const mine = await createClientRecord({
      name: 'Visible Quarry',
      coordinatorId: coordinator.id,
    });
    const theirs = await createClientRecord({ name: 'Hidden Quarry' });
    await createContactRecord(theirs.id, { email: 'secret.person@hidden.example' });
    await setVisibility('assigned');

    const list = await listClients(coordinator, listParams({ q: 'Quarry' }));
    expect(list.rows.map((row) => row.name)).toEqual(['Visible Quarry']);
    expect((await listClients(coordinator, listParams({ q: 'secret.person' }))).total).toBe(0);
    await expect(getClient(coordinator, theirs.id)).rejects.toEqual(notFoundError);
    await expect(getClientWithRecords(coordinator, theirs.id)).rejects.toEqual(notFoundError);
    const exported = await exportedRows(coordinator, listParams({ q: 'Quarry' }));
    expect(exported.map((row) => row.Name)).toEqual(['Visible Quarry']);
    const touch = await executeAction(logActivityCommand, coordinator, {
      clientId: theirs.id,
      kind: 'note',
      subject: 'Sneaky',
    });
    expect(touch).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect(await db.$count(activities, eq(activities.clientId, theirs.id))).toBe(0);

    const managerView = await listClients(manager, listParams({ q: 'Quarry' }));
    expect(managerView.rows.map((row) => row.name)).toEqual(['Hidden Quarry', 'Visible Quarry']);
    expect((await getClient(coordinator, mine.id)).name).toBe('Visible Quarry');
  });
});

describe('the clients list', () => {
  it('searches names, websites and contacts, filters and sorts on the server', async () => {
    const viewer = await createActor('executive');
    const tag = 'Zeta';
    const alpha = await createClientRecord({
      name: 'Zeta Alpha',
      industry: 'Retail',
      annualValueCents: 500,
      tier: 'key',
    });
    const beta = await createClientRecord({
      name: 'Zeta Beta',
      website: 'zeta-beta.example',
      industry: 'Software',
      annualValueCents: 900,
    });
    await createContactRecord(beta.id, { name: 'Quentin Zetterberg', email: 'qz@zb.example' });
    expect(
      (await listClients(viewer, listParams({ q: 'zetterberg' }))).rows.map((row) => row.id),
    ).toEqual([beta.id]);
    expect(
      (await listClients(viewer, listParams({ q: 'zeta-beta.example' }))).rows.map((row) => row.id),
    ).toEqual([beta.id]);
    expect(
      (await listClients(viewer, listParams({ q: tag, industry: 'Retail' }))).rows.map(
        (row) => row.id,
      ),
    ).toEqual([alpha.id]);
    const byValue = await listClients(
      viewer,
      listParams({ q: tag, sort: 'annualValue', dir: 'desc' }),
    );
    expect(byValue.rows.map((row) => row.id)).toEqual([beta.id, alpha.id]);
    expect(
      (await listClients(viewer, listParams({ q: tag, tier: 'key' }))).rows.map((row) => row.id),
    ).toEqual([alpha.id]);
    expect((await listClients(viewer, listParams({ q: '100%' }))).total).toBe(0);
  });

  it('pages without repeating or skipping rows that share a sort value', async () => {
    const viewer = await createActor('manager');
    for (let index = 0; index < 12; index += 1)
      await createClientRecord({
        name: `Pager Twin ${String(index).padStart(2, '0')}`,
        industry: 'Energy',
      });
    const seen = new Set<string>();
    for (let page = 1; page <= 2; page += 1) {
      const { rows } = await listClients(
        viewer,
        listParams({ q: 'Pager Twin', sort: 'industry', size: '10', page: String(page) }),
      );
      for (const row of rows) seen.add(row.id);
    }
    expect(seen.size).toBe(12);
  });

  it("pages in the export's order when sorted by a joined column", async () => {
    const viewer = await createActor('manager');
    const owners = await Promise.all(['Ola', 'Bea', 'Kai'].map((name) => createUser({ name })));
    for (let index = 0; index < 13; index += 1)
      await createClientRecord({
        name: `Owned ${String(index).padStart(2, '0')}`,
        ownerId: owners[index % owners.length]?.id,
      });
    const params = { q: 'Owned', sort: 'owner', dir: 'desc', size: '10' };
    const pages = [];
    for (const page of ['1', '2'])
      pages.push(...(await listClients(viewer, listParams({ ...params, page }))).rows);
    const exported = await exportedRows(viewer, listParams(params));
    expect(pages.map((row) => row.name)).toEqual(exported.map((row) => row.Name));
    expect(pages.map((row) => row.ownerName).slice(0, 5)).toEqual(Array(5).fill('Ola'));
  });

  it('lists prospects with their research fields', async () => {
    const viewer = await createActor('coordinator');
    await createClientRecord({
      name: 'Prospect Nimbus',
      status: 'prospect',
      fitScore: 80,
      nextStep: 'Call',
      nextStepDate: '2026-12-01',
    });
    const { rows } = await listClients(
      viewer,
      listParams({ q: 'Prospect Nimbus', status: 'prospect' }),
    );
    expect(rows[0]).toMatchObject({ fitScore: 80, nextStep: 'Call', nextStepDate: '2026-12-01' });
  });

  it('exports every matching row, not just a page', async () => {
    const viewer = await createActor('manager');
    for (let index = 0; index < 30; index += 1)
      await createClientRecord({ name: `Export Row ${index}` });
    const rows = await exportedRows(viewer, listParams({ q: 'Export Row' }));
    expect(rows).toHaveLength(30);
    expect(rows[0]).toMatchObject({ Name: 'Export Row 0', 'Annual value': '0.00' });
  });
});

describe('audit of client writes', () => {
  it('writes nothing when an action is refused', async () => {
    const coordinator = await createActor('coordinator');
    const client = await createClientRecord();
    const before = await db.$count(auditLog, and(eq(auditLog.entityId, client.id)));
    await executeAction(reassignClientCommand, coordinator, {
      clientId: client.id,
      version: '1',
      ownerId: coordinator.id,
    });
    expect(await db.$count(auditLog, eq(auditLog.entityId, client.id))).toBe(before);
  });
});

describe('the search palette', () => {
  it('answers a broad term with matches only, a narrow one exactly, and hides what the viewer may not see', async () => {
    const coordinator = await createActor('coordinator');
    const manager = await createActor('manager');
    const theirs = await createClientRecord({ name: 'Elsewhere Ltd' });
    await db.insert(contacts).values(
      Array.from({ length: 150 }, (_, index) => ({
        clientId: theirs.id,
        name: `Broadmatch ${String(index).padStart(3, '0')}`,
      })),
    );
    const mine = await createClientRecord({ name: 'Mine Ltd', coordinatorId: coordinator.id });
    await createContactRecord(mine.id, { name: 'Broadmatch Mine' });
    await createContactRecord(theirs.id, { name: 'Narrowterm Solo' });

    const broad = await searchEverything(manager, 'broadmatch');
    const broadContacts = broad.find((group) => group.label === 'Contacts')?.hits ?? [];
    expect(broadContacts).toHaveLength(5);
    for (const hit of broadContacts) expect(hit.title).toMatch(/^Broadmatch /);
    const titles = broadContacts.map((hit) => hit.title);
    expect(titles).toEqual([...titles].sort());

    await db.insert(contacts).values(
      Array.from({ length: 150 }, (_, index) => ({
        clientId: theirs.id,
        name: `Joanne ${index}`,
      })),
    );
    await createContactRecord(theirs.id, { name: 'Ann Lee' });
    const prefixFirst = await searchEverything(manager, 'ann');
    expect(prefixFirst.find((group) => group.label === 'Contacts')?.hits[0]?.title).toBe('Ann Lee');

    // A client is found by its contacts too, as the clients list's search finds it.
    const narrow = await searchEverything(manager, 'narrowterm');
    expect(narrow.map((group) => [group.label, group.hits.map((hit) => hit.title)])).toEqual([
      ['Clients', ['Elsewhere Ltd']],
      ['Contacts', ['Narrowterm Solo']],
    ]);

    await setVisibility('assigned');
    const visible = await searchEverything(coordinator, 'broadmatch');
    expect(visible.flatMap((group) => group.hits.map((hit) => hit.title))).toEqual([
      'Mine Ltd',
      'Broadmatch Mine',
    ]);
  });
});

describe("the clients list's filter choices", () => {
  it('offer active people and every tag, each by name', async () => {
    const viewer = await createActor('coordinator');
    const late = await createUser({ name: 'Zzz Late' });
    const early = await createUser({ name: 'Aaa Early' });
    const inactive = await createUser({ name: 'Aab Gone', active: false });
    const { users } = await listClientFilterOptions(viewer);
    const ids = users.map((user) => user.id);
    expect(ids).not.toContain(inactive.id);
    expect(ids.indexOf(early.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(early.id)).toBeLessThan(ids.indexOf(late.id));
    expect(users.find((user) => user.id === late.id)).toEqual({ id: late.id, name: 'Zzz Late' });
  });
});

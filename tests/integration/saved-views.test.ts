import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { savedViewDefaults, savedViews } from '@/db/schema';
import { clientListSchema } from '@/lib/validation/clients';
import { executeAction } from '@/server/action';
import type { CurrentUser } from '@/server/auth/session';
import { listClients } from '@/server/clients/queries';
import {
  createSavedViewCommand,
  deleteSavedViewCommand,
  maxViewsPerList,
  renameSavedViewCommand,
  saveSavedViewStateCommand,
  setDefaultSavedViewCommand,
  shareSavedViewCommand,
} from '@/server/saved-views/commands';
import { listSavedViews, openDefaultView, savedViewsBar } from '@/server/saved-views/queries';
import { openTab } from '@/lib/validation/saved-views';
import { createClientRecord, setVisibility } from '../support/client-factories';
import { auditEntriesFor, createActor } from '../support/factories';

const redirectTo = (href: string) =>
  expect.objectContaining({ digest: expect.stringContaining(`;${href};`) });
const forbiddenError = expect.objectContaining({ digest: expect.stringContaining('403') });

async function saveView(
  actor: CurrentUser,
  overrides: { list?: string; name?: string; state?: string; shared?: string } = {},
) {
  const result = await executeAction(createSavedViewCommand, actor, {
    list: 'clients',
    name: `View ${randomUUID().slice(0, 8)}`,
    state: 'status=active',
    ...overrides,
  });
  if (!result.ok) throw new Error(result.error);
  return result.data;
}

async function storedView(id: string) {
  const [row] = await db.select().from(savedViews).where(eq(savedViews.id, id));
  return row;
}

describe('one’s own saved views', () => {
  it('saves the list’s normalised state, renames it and deletes it, each audited', async () => {
    const me = await createActor('coordinator');
    const created = await executeAction(createSavedViewCommand, me, {
      list: 'clients',
      name: ' Active software ',
      state: '?page=3&industry=Software&status=active',
    });
    if (!created.ok) throw new Error(created.error);
    expect(created.data.state).toBe('status=active&industry=Software');

    const [tab] = await listSavedViews(me, 'clients');
    expect(tab).toMatchObject({
      id: created.data.id,
      name: 'Active software',
      state: 'status=active&industry=Software',
      href: `/clients?view=${created.data.id}&status=active&industry=Software`,
      mine: true,
      shared: false,
      canDelete: true,
      isDefault: false,
    });

    const renamed = await executeAction(renameSavedViewCommand, me, {
      id: created.data.id,
      name: 'Software, active',
    });
    expect(renamed.ok).toBe(true);
    const saved = await executeAction(saveSavedViewStateCommand, me, {
      id: created.data.id,
      list: 'clients',
      state: 'sort=updatedAt&dir=desc&status=paused',
    });
    expect(saved.ok).toBe(true);
    expect(await storedView(created.data.id)).toMatchObject({
      name: 'Software, active',
      state: 'sort=updatedAt&dir=desc&status=paused',
    });

    const deleted = await executeAction(deleteSavedViewCommand, me, { id: created.data.id });
    expect(deleted.ok).toBe(true);
    expect(await storedView(created.data.id)).toBeUndefined();
    expect(await listSavedViews(me, 'clients')).toEqual([]);
    expect((await auditEntriesFor(created.data.id)).map((entry) => entry.action).sort()).toEqual([
      'saved_view.created',
      'saved_view.deleted',
      'saved_view.updated',
      'saved_view.updated',
    ]);
  });

  it('keeps names unique per owner and list, case-insensitively, and changes nothing when refused', async () => {
    const me = await createActor('executive');
    const first = await saveView(me, { name: 'Hot accounts' });
    const again = await executeAction(createSavedViewCommand, me, {
      list: 'clients',
      name: 'hot ACCOUNTS',
      state: '',
    });
    expect(again).toMatchObject({
      ok: false,
      fieldErrors: { name: ['You already have a view with this name on this list.'] },
    });
    // The same name on another list, or someone else's, is fine.
    await saveView(me, { name: 'Hot accounts', list: 'deals', state: 'stage=negotiation' });
    await saveView(await createActor('executive'), { name: 'Hot accounts' });

    const other = await saveView(me, { name: 'Cold accounts' });
    const clash = await executeAction(renameSavedViewCommand, me, {
      id: other.id,
      name: 'Hot Accounts',
    });
    expect(clash.ok).toBe(false);
    expect((await storedView(other.id))?.name).toBe('Cold accounts');
    expect((await listSavedViews(me, 'clients')).map((tab) => tab.id)).toEqual([
      other.id,
      first.id,
    ]);
  });

  it('keeps at most thirty views of one list per user', async () => {
    const me = await createActor('coordinator');
    await db.insert(savedViews).values(
      Array.from({ length: maxViewsPerList }, (_, index) => ({
        ownerId: me.id,
        list: 'clients' as const,
        name: `View ${index}`,
      })),
    );
    const result = await executeAction(createSavedViewCommand, me, {
      list: 'clients',
      name: 'One too many',
      state: '',
    });
    expect(result).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    await saveView(me, { list: 'deals', state: '' });
  });

  it('refuses a blank name with a field error', async () => {
    const result = await executeAction(createSavedViewCommand, await createActor('manager'), {
      list: 'clients',
      name: '   ',
      state: '',
    });
    expect(result).toMatchObject({ ok: false, fieldErrors: { name: ['Enter a name.'] } });
  });
});

describe('a stored view never carries a parameter its list does not accept', () => {
  it('refuses to save an unknown or malicious parameter, and saves nothing', async () => {
    const me = await createActor('coordinator');
    for (const state of [
      'status=active&redirect=https://evil.test',
      'sort=name;drop table clients',
      'owner=1 or 1=1',
      'hide=status,password',
      'status=active&status=paused',
    ]) {
      const result = await executeAction(createSavedViewCommand, me, {
        list: 'clients',
        name: 'Sneaky',
        state,
      });
      expect(result).toMatchObject({ ok: false, fieldErrors: { state: [expect.any(String)] } });
    }
    const view = await saveView(me);
    const overwrite = await executeAction(saveSavedViewStateCommand, me, {
      id: view.id,
      list: 'clients',
      state: '__proto__=1',
    });
    expect(overwrite.ok).toBe(false);
    expect((await storedView(view.id))?.state).toBe('status=active');
    expect(await listSavedViews(me, 'clients')).toHaveLength(1);
  });

  it('cleans a stored state that was written past the checks before the list uses it', async () => {
    const me = await createActor('executive');
    const [row] = await db
      .insert(savedViews)
      .values({
        ownerId: me.id,
        list: 'clients',
        name: 'Tampered',
        state: 'status=active&evil=%3Cscript%3E&sort=name%3Bdrop&hide=tier,secret&view=x',
      })
      .returning();
    const [tab] = await listSavedViews(me, 'clients');
    expect(tab?.state).toBe('status=active&hide=tier');
    expect(tab?.href).toBe(`/clients?view=${row?.id}&status=active&hide=tier`);
  });

  it('checks the state against the list the view belongs to', async () => {
    const me = await createActor('coordinator');
    const view = await saveView(me, { list: 'prospects', state: 'industry=Software' });
    const asClients = await executeAction(saveSavedViewStateCommand, me, {
      id: view.id,
      list: 'clients',
      state: 'status=churned',
    });
    expect(asClients).toMatchObject({ ok: false, code: 'not_found' });
    const withStatus = await executeAction(saveSavedViewStateCommand, me, {
      id: view.id,
      list: 'prospects',
      state: 'status=churned',
    });
    expect(withStatus.ok).toBe(false);
    expect((await storedView(view.id))?.state).toBe('industry=Software');
  });
});

describe('shared views', () => {
  it('shows a shared view to the team, but a private one only to its owner', async () => {
    const owner = await createActor('coordinator');
    const teammate = await createActor('executive');
    const shared = await saveView(owner, { name: 'Team view', shared: 'on' });
    await saveView(owner, { name: 'Private view' });
    const own = await saveView(teammate, { name: 'Mine' });

    const tabs = await listSavedViews(teammate, 'clients');
    expect(tabs.map((tab) => tab.name)).toEqual(['Mine', 'Team view']);
    expect(tabs[1]).toMatchObject({
      id: shared.id,
      mine: false,
      shared: true,
      ownerName: owner.name,
      canDelete: false,
    });
    expect(tabs[0]?.id).toBe(own.id);

    const rename = await executeAction(renameSavedViewCommand, teammate, {
      id: shared.id,
      name: 'Taken over',
    });
    expect(rename).toMatchObject({ ok: false, code: 'forbidden' });
    const unshare = await executeAction(shareSavedViewCommand, teammate, {
      id: shared.id,
      shared: 'false',
    });
    expect(unshare.ok).toBe(false);
    expect(await storedView(shared.id)).toMatchObject({ name: 'Team view', shared: true });
  });

  it('shares and unshares one’s own view; unsharing stops it being anyone else’s default', async () => {
    const owner = await createActor('executive');
    const teammate = await createActor('coordinator');
    const view = await saveView(owner, { name: 'Renewals' });
    const teammateSees = async () =>
      (await listSavedViews(teammate, 'clients')).find((tab) => tab.id === view.id);
    expect(await teammateSees()).toBeUndefined();

    expect(
      (await executeAction(shareSavedViewCommand, owner, { id: view.id, shared: 'true' })).ok,
    ).toBe(true);
    expect(
      (await executeAction(setDefaultSavedViewCommand, owner, { list: 'clients', id: view.id })).ok,
    ).toBe(true);
    expect(
      (await executeAction(setDefaultSavedViewCommand, teammate, { list: 'clients', id: view.id }))
        .ok,
    ).toBe(true);
    expect(await teammateSees()).toMatchObject({ isDefault: true });

    await executeAction(shareSavedViewCommand, owner, { id: view.id, shared: 'false' });
    expect(await teammateSees()).toBeUndefined();
    const defaults = await db
      .select()
      .from(savedViewDefaults)
      .where(eq(savedViewDefaults.viewId, view.id));
    expect(defaults.map((row) => row.userId)).toEqual([owner.id]);
  });

  it('lets a manager delete a view someone else shared, but not a coordinator or an executive', async () => {
    const owner = await createActor('coordinator');
    const shared = await saveView(owner, { shared: 'on' });
    const hidden = await saveView(owner);

    for (const role of ['coordinator', 'executive'] as const) {
      const result = await executeAction(deleteSavedViewCommand, await createActor(role), {
        id: shared.id,
      });
      expect(result).toMatchObject({
        ok: false,
        code: 'forbidden',
      });
    }
    expect(await storedView(shared.id)).toBeDefined();

    const manager = await createActor('manager');
    const managerSees = await listSavedViews(manager, 'clients');
    expect(managerSees.find((tab) => tab.id === shared.id)).toMatchObject({ canDelete: true });
    const privateOne = await executeAction(deleteSavedViewCommand, manager, { id: hidden.id });
    expect(privateOne).toMatchObject({ ok: false, code: 'not_found' });
    const removed = await executeAction(deleteSavedViewCommand, manager, { id: shared.id });
    expect(removed.ok).toBe(true);
    expect(await storedView(shared.id)).toBeUndefined();
    expect(await storedView(hidden.id)).toBeDefined();
    const [entry] = await auditEntriesFor(shared.id).then((entries) =>
      entries.filter((e) => e.action === 'saved_view.deleted'),
    );
    expect(entry).toMatchObject({
      actorId: manager.id,
      before: expect.objectContaining({ ownerId: owner.id }),
    });
  });

  it('holds filters only: each viewer sees only the accounts they may see', async () => {
    const stamp = randomUUID().slice(0, 8);
    const coordinator = await createActor('coordinator');
    const executive = await createActor('executive');
    const theirs = await createClientRecord({
      name: `Shared ${stamp} A`,
      coordinatorId: coordinator.id,
    });
    const mine = await createClientRecord({ name: `Shared ${stamp} B`, ownerId: executive.id });
    await createClientRecord({
      name: `Shared ${stamp} C`,
      status: 'paused',
      ownerId: executive.id,
    });
    await saveView(coordinator, {
      name: 'Active shared',
      state: `q=${stamp}&status=active`,
      shared: 'on',
    });
    await setVisibility('assigned');
    try {
      const tab = (await listSavedViews(executive, 'clients')).find(
        (each) => each.name === 'Active shared',
      );
      const params = clientListSchema.parse(Object.fromEntries(new URLSearchParams(tab?.state)));
      const forExecutive = await listClients(executive, params);
      expect(forExecutive.rows.map((row) => row.id)).toEqual([mine.id]);
      const forCoordinator = await listClients(coordinator, params);
      expect(forCoordinator.rows.map((row) => row.id)).toEqual([theirs.id]);
    } finally {
      await setVisibility('open');
    }
  });
});

describe('the default view of a list', () => {
  it('opens a bare list address with the user’s default, per user and per list', async () => {
    const me = await createActor('coordinator');
    const someoneElse = await createActor('coordinator');
    const view = await saveView(me, { state: 'sort=updatedAt&dir=desc&status=active' });
    expect(
      (await executeAction(setDefaultSavedViewCommand, me, { list: 'clients', id: view.id })).ok,
    ).toBe(true);

    const href = `/clients?view=${view.id}&sort=updatedAt&dir=desc&status=active`;
    await expect(openDefaultView(me, 'clients', {})).rejects.toEqual(redirectTo(href));
    await expect(openDefaultView(me, 'clients', { view: 'all' })).resolves.toBeUndefined();
    // A link with explicit parameters always wins, even "All".
    const all = await savedViewsBar(me, 'clients');
    expect(all).toMatchObject({ allHref: '/clients?view=all' });
    expect(openTab('clients', all.tabs, new URLSearchParams('view=all'))).toEqual({
      active: null,
      current: '',
    });
    await expect(openDefaultView(me, 'clients', { status: 'paused' })).resolves.toBeUndefined();
    expect(openTab('clients', all.tabs, new URLSearchParams('status=paused'))).toEqual({
      active: null,
      current: 'status=paused',
    });
    const opened = openTab(
      'clients',
      all.tabs,
      new URLSearchParams({
        view: view.id,
        status: 'active',
        sort: 'updatedAt',
        dir: 'desc',
        page: '2',
      }),
    );
    expect(opened.active?.id).toBe(view.id);
    expect(opened.current).toBe('sort=updatedAt&dir=desc&status=active');

    expect(await savedViewsBar(me, 'deals')).toMatchObject({ allHref: '/pipeline' });
    expect(await savedViewsBar(someoneElse, 'clients')).toMatchObject({
      allHref: '/clients',
    });
  });

  it('replaces the previous default, goes back to "All", and goes away with its view', async () => {
    const me = await createActor('executive');
    const first = await saveView(me);
    const second = await saveView(me, { state: 'tier=strategic' });
    await executeAction(setDefaultSavedViewCommand, me, { list: 'clients', id: first.id });
    await executeAction(setDefaultSavedViewCommand, me, { list: 'clients', id: second.id });
    const tabs = await listSavedViews(me, 'clients');
    expect(tabs.filter((tab) => tab.isDefault).map((tab) => tab.id)).toEqual([second.id]);

    await executeAction(setDefaultSavedViewCommand, me, { list: 'clients', id: '' });
    expect((await listSavedViews(me, 'clients')).some((tab) => tab.isDefault)).toBe(false);

    await executeAction(setDefaultSavedViewCommand, me, { list: 'clients', id: first.id });
    await executeAction(deleteSavedViewCommand, me, { id: first.id });
    expect(await savedViewsBar(me, 'clients')).toMatchObject({ allHref: '/clients' });
  });

  it('cannot be someone else’s private view or a view of another list', async () => {
    const me = await createActor('coordinator');
    const theirs = await saveView(await createActor('coordinator'));
    const dealsView = await saveView(me, { list: 'deals', state: 'stage=lead' });
    for (const input of [
      { list: 'clients', id: theirs.id },
      { list: 'clients', id: dealsView.id },
    ]) {
      const result = await executeAction(setDefaultSavedViewCommand, me, input);
      expect(result).toMatchObject({ ok: false, code: 'not_found' });
    }
    expect(
      await db.select().from(savedViewDefaults).where(eq(savedViewDefaults.userId, me.id)),
    ).toEqual([]);
  });
});

describe('who may keep views of which list', () => {
  it('keeps views of the users list for managers, who alone may open it', async () => {
    const coordinator = await createActor('coordinator');
    const refused = await executeAction(createSavedViewCommand, coordinator, {
      list: 'users',
      name: 'Managers',
      state: 'role=manager',
    });
    expect(refused).toMatchObject({ ok: false, code: 'forbidden' });
    await expect(listSavedViews(coordinator, 'users')).rejects.toEqual(forbiddenError);

    const manager = await createActor('manager');
    const view = await saveView(manager, { list: 'users', state: 'role=manager', shared: 'on' });
    expect((await listSavedViews(manager, 'users'))[0]?.id).toBe(view.id);
    const asDefault = await executeAction(setDefaultSavedViewCommand, coordinator, {
      list: 'users',
      id: view.id,
    });
    expect(asDefault.ok).toBe(false);
  });

  it('refuses a signed-out caller', async () => {
    const result = await executeAction(createSavedViewCommand, null, {
      list: 'clients',
      name: 'Nobody',
      state: '',
    });
    expect(result.ok).toBe(false);
  });
});

describe('saved views of the contracts and invoices lists', () => {
  it.each([
    {
      list: 'contracts',
      path: '/contracts',
      state: '?page=2&notice=90&status=active&hide=owner,value',
      kept: 'status=active&notice=90&hide=owner%2Cvalue',
    },
    {
      list: 'invoices',
      path: '/invoices',
      state: '?overdue=1&status=issued&hide=balance&size=50&sort=number&dir=asc',
      kept: 'size=50&sort=number&dir=asc&status=issued&overdue=1&hide=balance',
    },
  ] as const)(
    'keeps the $list list’s own filters, shares a view and opens it as the default',
    async ({ list, path, state, kept }) => {
      const me = await createActor('coordinator');
      const teammate = await createActor('executive');
      const view = await saveView(me, { list, state, shared: 'true' });
      expect(view.state).toBe(kept);
      const [tab] = await listSavedViews(teammate, list);
      expect(tab).toMatchObject({ id: view.id, shared: true, mine: false, canDelete: false });
      expect(
        (await executeAction(setDefaultSavedViewCommand, teammate, { list, id: view.id })).ok,
      ).toBe(true);
      await expect(openDefaultView(teammate, list, {})).rejects.toEqual(
        redirectTo(`${path}?view=${view.id}&${kept}`),
      );
      // Each list keeps its own views: the clients list does not show them.
      expect((await listSavedViews(teammate, 'clients')).map((row) => row.id)).not.toContain(
        view.id,
      );
    },
  );
});
